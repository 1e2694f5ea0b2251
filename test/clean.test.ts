import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { cleanText } from "../src/clean/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { readSeeds } from "../src/read/index.ts";
import type { CleanedText, SeedSource } from "../src/types.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Only the furniture file: the clean stage reads nothing else, and the test should not break on other data files.
const furnitureOnly = mkdtempSync(path.join(tmpdir(), "news-archive-clean-"));
copyFileSync(path.join(root, "knowledge/furniture.yaml"), path.join(furnitureOnly, "furniture.yaml"));
const knowledge = loadKnowledge([furnitureOnly]);
after(() => rmSync(furnitureOnly, { recursive: true, force: true }));

function clean(text: string, firstLine = 1): CleanedText {
  const source: SeedSource = { file: "t.txt", sha256: "", text, firstLine, frontMatter: {}, duplicates: [] };
  return cleanText(source, knowledge);
}

const reasonOf = (cleaned: CleanedText, text: string) => cleaned.discarded.find((entry) => entry.text === text)?.reason;
const roleOf = (cleaned: CleanedText, text: string) => cleaned.lines.find((entry) => entry.text === text)?.role;

const PARAGRAPH_1 = "Officials said the bridge over the river was reopened on Monday after repairs were finished.";
const PARAGRAPH_2 = "Traders in the town said the closure had cost them a week of business and many customers.";

interface GoldSeed {
  boilerplate: string[];
  figures: { span: string }[];
  people: { name: string; variants: string[] }[];
}

test("discarded lines of the five seeds match the gold boilerplate, and no article text is lost", async () => {
  const gold = JSON.parse(readFileSync(path.join(root, "test/fixtures/gold-seeds.json"), "utf8")) as Record<
    string,
    GoldSeed
  >;
  const { sources } = await readSeeds(path.join(root, "seeds"));
  let truePositives = 0;
  let discardedCount = 0;
  let goldCount = 0;
  for (const source of sources) {
    const expected = gold[source.file];
    assert.ok(expected, `gold has ${source.file}`);
    const cleaned = cleanText(source, knowledge);
    const discarded = cleaned.discarded.map((entry) => entry.text);
    const goldLines = new Set(expected.boilerplate.map((line) => line.trim()));
    // Gold lists a repeated line once per occurrence: match as multisets.
    const unmatched = expected.boilerplate.map((line) => line.trim());
    for (const line of discarded) {
      const at = unmatched.indexOf(line);
      if (at !== -1) {
        unmatched.splice(at, 1);
        truePositives++;
      }
    }
    discardedCount += discarded.length;
    goldCount += expected.boilerplate.length;
    for (const line of goldLines) assert.ok(discarded.includes(line), `${source.file}: should discard "${line}"`);
    for (const line of discarded) assert.ok(goldLines.has(line), `${source.file}: should keep "${line}"`);

    const body = cleaned.paragraphs.map((entry) => entry.text).join("\n");
    for (const figure of expected.figures)
      assert.ok(body.includes(figure.span), `${source.file}: kept "${figure.span}"`);
    for (const person of expected.people) {
      const forms = [person.name, ...person.variants];
      assert.ok(
        forms.some((form) => body.includes(form)),
        `${source.file}: kept a mention of ${person.name}`,
      );
    }
  }
  assert.equal(truePositives / discardedCount, 1, "precision");
  assert.equal(truePositives / goldCount, 1, "recall");
});

test("line numbers are those of the original file, offset by the front matter", () => {
  const cleaned = clean(`\n${PARAGRAPH_1}\n\nLeave a Reply\n`, 6);
  assert.deepEqual(cleaned.paragraphs, [{ line: 7, text: PARAGRAPH_1, role: "paragraph" }]);
  assert.deepEqual(cleaned.discarded, [{ line: 9, text: "Leave a Reply", reason: "comment form" }]);
});

test("roles: header lines before the body, subheadings between paragraphs, footer after", () => {
  const cleaned = clean(
    [
      "Bridge reopens after repairs",
      "Traders count the cost of a week-long closure",
      "By Jane Doe",
      "KARACHI:",
      PARAGRAPH_1,
      "Traders react",
      PARAGRAPH_2,
      "Jane Doe is a staff reporter in Karachi",
    ].join("\n"),
  );
  assert.deepEqual(
    cleaned.lines.map((entry) => entry.role),
    ["header", "header", "header", "header", "paragraph", "subheading", "paragraph", "footer"],
  );
  assert.deepEqual(
    cleaned.paragraphs.map((entry) => entry.text),
    [PARAGRAPH_1, "Traders react", PARAGRAPH_2],
  );
  assert.deepEqual(cleaned.discarded, []);
});

test("reporting credits after the article are furniture, a sentence that starts alike is not", () => {
  const sentence = "Reporting by the agency showed that the company had hidden its losses for years.";
  const cleaned = clean([PARAGRAPH_1, sentence, "Additional reporting by John Roe in Lahore"].join("\n"));
  assert.equal(roleOf(cleaned, sentence), "paragraph");
  assert.equal(reasonOf(cleaned, "Additional reporting by John Roe in Lahore"), "reporting credits");
});

test("phrases that start like furniture but are article sentences are kept", () => {
  const sentences = [
    "Copyright infringement cases rose by 20 percent last year.",
    "This report was published by the agency on Monday and found that aid fell.",
    "3 items were recovered from the site.",
    "Watch-list countries rose to 12 this year.",
  ];
  const cleaned = clean([PARAGRAPH_1, ...sentences, PARAGRAPH_2].join("\n"));
  assert.deepEqual(
    sentences.map((sentence) => roleOf(cleaned, sentence)),
    sentences.map(() => "paragraph"),
  );
});

test("a short sentence between paragraphs is kept as a paragraph, not dropped", () => {
  const cleaned = clean([PARAGRAPH_1, "Nobody was hurt.", PARAGRAPH_2].join("\n"));
  assert.equal(roleOf(cleaned, "Nobody was hurt."), "paragraph");
});

test("sentences full of names and titles are prose, Title Case headings are not", () => {
  const names =
    "Those present included Provincial President Asghar Khan, Central Vice President Dr. Ishaq Ali, Senator Mir Baz Khan and Nasrullah Zerey.";
  const cleaned = clean([PARAGRAPH_1, "Dr. Ali And Mr. Khan Met", PARAGRAPH_2, names].join("\n"));
  assert.equal(roleOf(cleaned, names), "paragraph");
  assert.equal(roleOf(cleaned, "Dr. Ali And Mr. Khan Met"), "subheading");
});

test("comment forms and policies are furniture, with the section after them", () => {
  const cleaned = clean(
    [
      PARAGRAPH_1,
      "Leave a Reply",
      "Your email address will not be published. Required fields are marked *",
      "Comments are moderated and generally will be posted if they are on-topic and not abusive.",
      "What a great article, I fully agree with everything the officials said here.",
    ].join("\n"),
  );
  assert.equal(cleaned.paragraphs.length, 1);
  assert.equal(reasonOf(cleaned, "Leave a Reply"), "comment form");
  assert.equal(
    reasonOf(cleaned, "What a great article, I fully agree with everything the officials said here."),
    "comment form",
    "a reader's comment inside the comment section is not article text",
  );
  assert.equal(
    reasonOf(cleaned, "Comments are moderated and generally will be posted if they are on-topic and not abusive."),
    "comment policy",
  );
});

test("a comment-count link above the article does not swallow the article", () => {
  const cleaned = clean(["12 Comments", PARAGRAPH_1, PARAGRAPH_2].join("\n"));
  assert.equal(reasonOf(cleaned, "12 Comments"), "comment section");
  assert.equal(cleaned.paragraphs.length, 2);
});

test("'About the Author' and the blurb after it are an author blurb", () => {
  const blurb = "Jane Doe is a reporter covering trade and transport. She has written for several papers.";
  const cleaned = clean([PARAGRAPH_1, "About the Author", blurb].join("\n"));
  assert.equal(reasonOf(cleaned, "About the Author"), "author blurb");
  assert.equal(reasonOf(cleaned, blurb), "author blurb");
});

test("lorem-ipsum filler is detected by vocabulary density, English prose is not", () => {
  const filler = "Quo vel repellat ipsa quod sed, repellendus adipisci ducimus ea modi odio assumenda.";
  const cleaned = clean([filler, PARAGRAPH_1, "Lorem ipsum dolor sit amet, consectetur adipiscing elit."].join("\n"));
  assert.equal(reasonOf(cleaned, filler), "lorem-ipsum filler");
  assert.equal(reasonOf(cleaned, "Lorem ipsum dolor sit amet, consectetur adipiscing elit."), "lorem-ipsum filler");
  assert.equal(roleOf(cleaned, PARAGRAPH_1), "paragraph");
});

test("shopping-cart and sign-up widgets are furniture", () => {
  const cleaned = clean(
    ["Shopping cart", "Your cart is empty", "0 items", "Do you agree to our terms? Sign up", PARAGRAPH_1].join("\n"),
  );
  assert.equal(reasonOf(cleaned, "Shopping cart"), "shopping-cart widget");
  assert.equal(reasonOf(cleaned, "Your cart is empty"), "shopping-cart widget");
  assert.equal(reasonOf(cleaned, "0 items"), "shopping-cart widget");
  assert.equal(reasonOf(cleaned, "Do you agree to our terms? Sign up"), "sign-up widget");
});

test("bylines with read time or date, mastheads and time stamps are furniture; a plain byline is header", () => {
  const lines = [
    "HOME | WORLD | SPORTS | OPINION",
    "THE DAILY NEWS | March 3, 2025 | E-PAPER",
    "Bridge reopens after repairs",
    "Jane Doe/John Roe March 03, 2025 4 min read",
    "By Sam Poe | Updated 3 March 2025, 10:45 am",
    "Monday, 3 March 2025",
    "By Ann Lee",
    PARAGRAPH_1,
  ];
  const cleaned = clean(lines.join("\n"));
  assert.equal(reasonOf(cleaned, lines[0]), "masthead");
  assert.equal(reasonOf(cleaned, lines[1]), "masthead");
  assert.equal(roleOf(cleaned, lines[2]), "header");
  assert.equal(reasonOf(cleaned, lines[3]), "byline/read-time line");
  assert.equal(reasonOf(cleaned, lines[4]), "dated byline");
  assert.equal(reasonOf(cleaned, lines[5]), "time stamp");
  assert.equal(roleOf(cleaned, lines[6]), "header");
});

test("a headline or sentence that names a date is not a dated byline", () => {
  const headline = "Elections postponed until February 8, 2024";
  const sentence = "The vote was held on February 8, 2024 across the country.";
  const cleaned = clean([headline, sentence, PARAGRAPH_1].join("\n"));
  assert.equal(roleOf(cleaned, headline), "header");
  assert.equal(roleOf(cleaned, sentence), "paragraph");
});

test("publication footers, stray numbers, share lines and kickers are furniture", () => {
  const lines = [
    "The Daily News Special Report :",
    PARAGRAPH_1,
    "Share this article",
    "Follow us on Twitter and Facebook",
    "12",
    "Published in The Daily News, March 5th, 2025",
    "Published: Mar 05, 2025",
    "© 2025 The Daily News. All rights reserved.",
    "Tags: bridges, trade",
  ];
  const cleaned = clean(lines.join("\n"));
  assert.deepEqual(
    lines.map((line) => reasonOf(cleaned, line) ?? roleOf(cleaned, line)),
    [
      "kicker",
      "paragraph",
      "share/social line",
      "share/social line",
      "stray number",
      "publication footer",
      "publication footer",
      "publication footer",
      "tag list",
    ],
  );
});

test("cookie banners and newsletter sign-ups are furniture", () => {
  const banner = "We use cookies to improve your experience. By continuing you accept our policy.";
  const cleaned = clean([banner, "Accept all", PARAGRAPH_1, "Subscribe to our newsletter"].join("\n"));
  assert.equal(reasonOf(cleaned, banner), "cookie banner");
  assert.equal(reasonOf(cleaned, "Accept all"), "cookie banner");
  assert.equal(reasonOf(cleaned, "Subscribe to our newsletter"), "newsletter sign-up");
});

test("a related-links list runs until the next paragraph, which is kept", () => {
  const cleaned = clean(
    [PARAGRAPH_1, "Related articles", "Floods hit the coast again", "Port traffic slows", PARAGRAPH_2].join("\n"),
  );
  assert.equal(reasonOf(cleaned, "Floods hit the coast again"), "related links");
  assert.equal(reasonOf(cleaned, "Port traffic slows"), "related links");
  assert.equal(roleOf(cleaned, PARAGRAPH_2), "paragraph");
});

test("a seed of nothing but furniture has no paragraphs", () => {
  const cleaned = clean(["Shopping cart", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "12"].join("\n"));
  assert.deepEqual(cleaned.paragraphs, []);
  assert.equal(cleaned.discarded.length, 3);
});

test("markup in the text is kept as text in paragraphs", () => {
  const html = "<p>Officials said the <b>bridge</b> reopened on Monday after long repairs.</p>";
  assert.equal(roleOf(clean(html), html), "paragraph");
});

// ───────── where the article is on a whole scraped page (content.ts) ─────────

const STORY = [
  "Workers finished repairs on the old river bridge on Monday, and the city opened it to traffic again after a closure that lasted nearly three weeks.",
  "The bridge carries most of the trucks that bring vegetables from the farms in the north to the wholesale market, and traders said the detour had doubled their costs.",
  "Engineers found cracks in two of the supports during an inspection last month. They said the new steel plates should hold for at least another ten years.",
  "The mayor said the council would ask the province for money to build a second crossing, so that the town would not be cut off again when the bridge needs work.",
];
const bodyOf = (cleaned: CleanedText) => cleaned.paragraphs.map((entry) => entry.text);
/** A page as a scraper copies it: paragraphs set apart with blank lines, menus and lists one item a line. */
const page = (...blocks: (string | string[])[]) =>
  blocks.map((block) => (Array.isArray(block) ? block.join("\n") : block)).join("\n\n");

test("a whole page: menu, byline, story, related list and comment section — only the story is the body", () => {
  const menu = ["Home", "World", "Business", "Sport", "Culture", "Opinion", "Weather"];
  const related = [
    "Related articles",
    "Floods close the coast road for a second week",
    "Port traffic slows as fuel prices rise again",
    "New ferry service to start in the spring",
  ];
  const comments = [
    "12 responses to “Bridge reopens after repairs”",
    "riverfan says:",
    "About time too. I have been driving the long way round for weeks and the detour added an hour to every trip I made.",
    "old_trucker says:",
    "The council should have fixed those supports years ago, everybody here knew the bridge was getting worse.",
  ];
  const cleaned = clean(
    page(
      menu,
      "Bridge reopens after repairs",
      "By Jane Doe",
      ...STORY,
      related,
      comments,
      "© 2025 The Daily News. All rights reserved.",
    ),
  );
  assert.deepEqual(bodyOf(cleaned), STORY);
  assert.equal(roleOf(cleaned, "Bridge reopens after repairs"), "header");
  assert.equal(reasonOf(cleaned, "riverfan says:"), "comment author");
  assert.ok(reasonOf(cleaned, comments[2]!), "a reader's comment is dropped with a reason");
});

test("prose around the story that belongs to the page, not the story, stays out of the body", () => {
  const notice =
    "Your privacy is important to us. We have updated our privacy policy to better explain how we use the data you share with this site.";
  const teasers = [
    "Other stories",
    "Council approves the new budget",
    "The council approved a budget that raises spending on schools and roads by a tenth, after a debate that lasted into the night.",
    "2h ago",
    "Storm warning for the weekend",
    "Forecasters said strong winds and heavy rain were expected to reach the coast on Saturday evening and last until Monday.",
    "5h ago",
  ];
  const cleaned = clean(
    page(notice, ["About Us", "Contact", "Jobs"], "Bridge reopens after repairs", ...STORY, teasers),
  );
  assert.deepEqual(bodyOf(cleaned), STORY);
});

test("a page's copyright line ends the story: the teasers below it are other stories", () => {
  const teaser =
    "Forecasters said strong winds and heavy rain were expected to reach the coast on Saturday evening and would last until Monday.";
  const cleaned = clean(
    page(...STORY, "© 2025 The Daily News. All rights reserved.", ["World", "More World", "Storm warning"], teaser),
  );
  assert.deepEqual(bodyOf(cleaned), STORY);
});

test("a share bar, a caption or a short line between paragraphs does not split the story", () => {
  const cleaned = clean(
    page(
      STORY[0]!,
      ["Share", "Facebook", "Twitter"],
      STORY[1]!,
      "What comes next",
      STORY[2]!,
      "Nobody was hurt.",
      STORY[3]!,
    ),
  );
  assert.deepEqual(bodyOf(cleaned), [STORY[0], STORY[1], "What comes next", STORY[2], "Nobody was hurt.", STORY[3]]);
});

test("one 'name says:' line is a quoted speaker, not a comment section", () => {
  const cleaned = clean(page(STORY[0]!, "The mayor says:", STORY[1]!, STORY[2]!));
  assert.equal(reasonOf(cleaned, "The mayor says:"), undefined);
  assert.deepEqual(bodyOf(cleaned), [STORY[0], "The mayor says:", STORY[1], STORY[2]]);
});

test("a list that closes the story belongs to it: announced with a colon, or numbered", () => {
  const dates = [
    "June 9 -- Riverside Hall, Lahore",
    "June 12 -- City Arena, Karachi",
    "June 15 -- Open Air Theatre, Quetta",
  ];
  const announced = clean(page(...STORY.slice(0, 3), "The tour dates:", dates, ["Advertise", "Contact", "Careers"]));
  assert.deepEqual(bodyOf(announced), [...STORY.slice(0, 3), "The tour dates:", ...dates]);
  const numbered = ["1) A spare wheel", "2) A torch and batteries", "3) Drinking water"];
  const listed = clean(page(...STORY.slice(0, 3), numbered, ["Careers", "Contact", "Help"]));
  assert.deepEqual(bodyOf(listed), [...STORY.slice(0, 3), ...numbered]);
});

test("a story in another language is found by that language's function words", () => {
  const spanish = [
    "Los trabajadores terminaron el lunes las reparaciones del viejo puente sobre el río, y la ciudad lo abrió de nuevo al tráfico después de casi tres semanas.",
    "El puente lleva la mayor parte de los camiones que traen verduras desde las granjas del norte hasta el mercado, y los comerciantes dijeron que el desvío les costó el doble.",
    "Los ingenieros encontraron grietas en dos de los soportes durante una inspección el mes pasado, y dijeron que las nuevas placas de acero durarán al menos diez años.",
  ];
  const cleaned = clean(
    page(["Inicio", "Mundo", "Economía", "Deportes"], "Reabren el puente", ...spanish, [
      "Contacto",
      "Aviso legal",
      "Empleo",
    ]),
  );
  assert.deepEqual(bodyOf(cleaned), spanish);
});

test("a caption the page prints twice (over the photo and in its gallery) is not where the story starts", () => {
  const caption =
    "In this photo taken on Sunday, trucks wait in a long line at the closed river bridge while workers repair two of its supports.";
  const cleaned = clean(page(caption, ["Image 1 of 4", caption, "Back to gallery"], ...STORY));
  assert.deepEqual(bodyOf(cleaned), STORY);
});

test("a page without blank lines: the story is still the densest run of prose", () => {
  const teasers = [
    "More from the city",
    "Council approves the new budget",
    "Storm warning for the weekend",
    "Schools to reopen after the holiday",
  ];
  const cleaned = clean(
    ["Home", "World", "Business", "Sport", "Bridge reopens after repairs", ...STORY, ...teasers].join("\n"),
  );
  assert.deepEqual(bodyOf(cleaned), STORY);
});

test("a page in a language no function-word list fits is measured by its sentence marks", () => {
  const korean = [
    "서울시는 월요일 오래된 다리의 수리를 마치고 다시 차량 통행을 허용했다. 다리는 거의 3주 동안 닫혀 있었다.",
    "이 다리는 북쪽 농장에서 도매시장으로 채소를 나르는 트럭 대부분이 지나가는 길이다. 상인들은 우회로 때문에 비용이 두 배로 늘었다고 말했다.",
    "기술자들은 지난달 점검에서 지지대 두 곳에서 균열을 발견했다. 새로 붙인 강철판은 적어도 10년은 버틸 것이라고 밝혔다.",
  ];
  const cleaned = clean(
    page(["홈", "뉴스", "스포츠", "연예", "오피니언"], "다리 다시 열려", ...korean, [
      "회사소개",
      "광고문의",
      "이용약관",
    ]),
  );
  assert.deepEqual(bodyOf(cleaned), korean);
});

test("the same page cleans the same way every time", () => {
  const text = page(["Home", "World"], "Bridge reopens after repairs", ...STORY, ["Related", "Port traffic slows"]);
  assert.deepEqual(clean(text), clean(text));
});
