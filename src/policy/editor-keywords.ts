/**
 * The JSON Schema keywords in `schemas/*.schema.json` that only editors read: `markdownDescription` (hover and
 * completion text with formatting), `enumDescriptions` (one line per enum value) and `defaultSnippets` (ready-made
 * values offered by completion), as yaml-language-server and VS Code's JSON support define them. ajv in strict mode
 * refuses a keyword it does not know, so every ajv that compiles our schemas is made with `keywords: [...EDITOR_KEYWORDS]`;
 * they do not take part in validation.
 */
export const EDITOR_KEYWORDS: readonly string[] = ['markdownDescription', 'enumDescriptions', 'defaultSnippets'];
