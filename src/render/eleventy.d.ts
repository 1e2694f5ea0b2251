/**
 * The slice of Eleventy 3's API this project uses. Eleventy ships JavaScript with JSDoc only, which a
 * strict TypeScript build cannot read, so the few calls we make are typed here.
 */
declare module "@11ty/eleventy" {
  export interface CustomExtension {
    outputFileExtension: string;
    compile: (inputContent: string, inputPath: string) => (data: unknown) => string | Promise<string>;
  }

  export interface UserConfig {
    /** Adds a plugin (a function of the config), run once the config is read, or now with `immediate`. */
    addPlugin(plugin: (eleventyConfig: UserConfig) => void, options?: { immediate?: boolean }): void;
    addGlobalData(name: string, value: unknown): UserConfig;
    addFilter(name: string, filter: (...args: never[]) => unknown): UserConfig;
    /** A function each page's output goes through before it is written; it may return bytes. */
    addTransform(name: string, transform: (content: string) => string | Buffer): UserConfig;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    addExtension(extension: string | string[], options: CustomExtension): void;
    setTemplateFormats(formats: string | string[]): void;
    /** Globs (or paths) of input files Eleventy must not process. */
    ignores: Set<string>;
    /** Eleventy's timers, in groups; a group made while the manager is verbose prints slow-filter warnings. */
    benchmarkManager: {
      setVerboseOutput(isVerbose: boolean): void;
      getAll(): Record<string, { setIsVerbose(isVerbose: boolean): void }>;
    };
  }

  export interface EleventyOptions {
    configPath?: string | false;
    config?: (eleventyConfig: UserConfig) => unknown;
    quietMode?: boolean;
    pathPrefix?: string;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's own console output (its "Wrote N files" line); errors still throw from write(). */
    disableLogger(): void;
  }
}
