/**
 * Vocabulary pools for the synthetic corpus. The pools are large enough that a 10,000-article
 * corpus has thousands of distinct people, so entity pages and the search index grow with N
 * the way a real archive's would, instead of piling every mention onto the seeds' few names.
 */
import { WEEKDAYS as CALENDAR_WEEKDAYS, MONTHS } from "../../src/util/calendar.ts";

// biome-ignore format: word lists read best packed
export const MALE_FIRST_NAMES = [
  "Abdul", "Adnan", "Aftab", "Ahmed", "Akbar", "Ali", "Arif", "Azhar", "Bilal", "Danish", "Faisal", "Farhan",
  "Ghulam", "Hamid", "Ijaz", "Imran", "Iqbal", "Irfan", "Jamal", "Javed", "Kamran", "Khalid", "Liaquat", "Majid",
  "Mehboob", "Nadeem", "Nasir", "Naveed", "Omar", "Qasim", "Rashid", "Rizwan", "Sadiq", "Sajid", "Salman", "Shahid",
  "Sohail", "Tahir", "Tariq", "Waqar", "Yousaf", "Zahid", "Zubair", "Zulfiqar",
] as const;

// biome-ignore format: word lists read best packed
export const FEMALE_FIRST_NAMES = [
  "Aisha", "Amina", "Asma", "Ayesha", "Bushra", "Farah", "Fatima", "Hina", "Kiran", "Mahnoor", "Maryam", "Mehwish",
  "Naila", "Nazia", "Noor", "Rabia", "Rehana", "Saadia", "Saima", "Samina", "Shazia", "Uzma", "Yasmin", "Zainab",
] as const;

// biome-ignore format: word lists read best packed
export const SURNAMES = [
  "Achakzai", "Afridi", "Baloch", "Bangulzai", "Bizenjo", "Bugti", "Buledi", "Chandio", "Dashti", "Domki", "Durrani",
  "Gichki", "Hasni", "Jamali", "Jamaldini", "Jogezai", "Kakar", "Kasi", "Khosa", "Lango", "Lehri", "Magsi",
  "Mandokhail", "Marri", "Mengal", "Mirwani", "Mohammadhasni", "Musakhel", "Nausherwani", "Nothazai", "Panezai",
  "Raisani", "Rind", "Sanjrani", "Shahwani", "Sherani", "Tareen", "Umrani", "Yousafzai", "Zehri", "Qureshi",
  "Siddiqui", "Chaudhry", "Malik", "Butt", "Abbasi", "Hashmi", "Rizvi", "Naqvi", "Gilani", "Shirazi", "Kazmi",
  "Lodhi", "Niazi", "Soomro", "Memon", "Bhutto", "Leghari", "Mazari", "Jatoi",
] as const;

/** Honorifics as they appear in front of names in the seeds ("Mir Shoaib Nosherwani", "Dr. Malik Baloch"). */
// biome-ignore format: word lists read best packed
export const MALE_HONORIFICS = [
  "", "", "", "", "", "Mir ", "Dr. ", "Sardar ", "Nawab ", "Syed ", "Haji ", "Mian ",
] as const;
export const FEMALE_HONORIFICS = ["", "", "", "", "Dr. ", "Syeda "] as const;

// biome-ignore format: word lists read best packed
export const PLACES = [
  "Quetta", "Gwadar", "Turbat", "Khuzdar", "Sibi", "Zhob", "Loralai", "Chaman", "Mastung", "Noshki", "Panjgur",
  "Kech", "Hub", "Lasbela", "Awaran", "Kalat", "Dera Bugti", "Kohlu", "Pishin", "Ziarat", "Jaffarabad", "Naseerabad",
  "Kharan", "Washuk", "Dalbandin", "Pasni", "Ormara", "Jiwani", "Harnai", "Surab", "Usta Muhammad",
  "Dera Murad Jamali", "Qila Saifullah", "Barkhan", "Musakhel", "Sherani", "Chagai", "Kachhi",
] as const;

/** Cities that head datelines ("QUETTA:", "Islamabad, Feb 1:"). */
// biome-ignore format: word lists read best packed
export const DATELINE_CITIES = [
  "Quetta", "Islamabad", "Karachi", "Lahore", "Peshawar", "Gwadar", "Turbat", "Khuzdar",
] as const;

// biome-ignore format: word lists read best packed
export const OUTLETS = [
  "Dawn", "The Express Tribune", "The News", "Business Recorder", "Daily Times", "The Nation", "Pakistan Today",
  "Frontier Post", "Balochistan Times", "Quetta Voice",
] as const;

// biome-ignore format: word lists read best packed
export const PARTIES = [
  "Awami National Party", "National Party", "Pakistan Peoples Party", "Pakistan Tehreek-i-Insaf",
  "Balochistan Awami Party", "Jamiat Ulema-e-Islam", "Pakistan Muslim League (N)", "Hazara Democratic Party",
  "Balochistan National Party", "Pakhtunkhwa Milli Awami Party",
] as const;

// biome-ignore format: word lists read best packed
export const ROLES = [
  "provincial minister for finance", "provincial education minister", "chief secretary", "home secretary",
  "deputy commissioner", "senator", "member of the provincial assembly", "party spokesman",
  "district police officer", "inspector general of police", "provincial health minister",
  "leader of the opposition in the provincial assembly", "additional chief secretary for development",
  "chairman of the district council", "bar association president", "vice chancellor",
] as const;

/** Monday first: the order the corpus has always drawn them in. */
export const WEEKDAYS = [...CALENDAR_WEEKDAYS.slice(1), CALENDAR_WEEKDAYS[0]];

export { MONTHS };

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2026;

/**
 * Sentences written for the corpus, with slots: {person} a new cast member, {place}, {party},
 * {role}, {weekday}, {n} a small number. They add mentions of generated people to every article.
 */
// biome-ignore format: word lists read best packed
export const SENTENCE_TEMPLATES = [
  "{person}, the {role}, told reporters on {weekday} that {n} new schemes had been approved for {place}.",
  "Speaking at a press conference in {place}, {person} said the {party} would not accept any delay in the matter.",
  "{person} of the {party} said the government had failed to release funds promised to {place} district.",
  "According to {person}, the {role}, at least {n} people were detained during the operation in {place}.",
  "The meeting, chaired by {person}, was also attended by the {role} and elders from {place}.",
  "{person} urged the federal government to take the people of {place} into confidence before any decision.",
  "In a statement issued on {weekday}, {person} condemned the attack and demanded a judicial inquiry.",
  "Local traders in {place} observed a shutter-down strike on {weekday}, {person} said.",
  "{person}, who represents {place} in the provincial assembly, said {n} schools in the area had no teachers.",
  "A delegation led by {person} called on the {role} and discussed the law and order situation in {place}.",
  "{person} said the {party} would hold a rally in {place} on {weekday} to press for its demands.",
  "Officials said {person}, the {role}, had been asked to submit a report within {n} days.",
] as const;

// biome-ignore format: word lists read best packed
export const HEADLINE_TEMPLATES = [
  "Opposition parties call off protests in {place}", "{surname} urges dialogue as unrest continues in {place}",
  "Security forces kill {n} militants in {place} operation", "{party} in talks over seat adjustment in {place}",
  "Senate debates security situation in {place}", "Train services suspended after attack near {place}",
  "Mobile internet restored in {place} after {n} days", "{place} gets Rs{n} billion for schools and hospitals",
  "Sit-in ends in {place} after talks with officials", "{surname} announces inquiry into {place} jailbreak",
  "Traders in {place} observe strike against power cuts", "{party} names {surname} as candidate for {place} seat",
] as const;
