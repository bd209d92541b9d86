/**
 * The JSON Schema keywords in `schemas/*.schema.json` that only editors read, as yaml-language-server and VS Code
 * define them: `markdownDescription` (hover and completion text with formatting), `enumDescriptions` and
 * `markdownEnumDescriptions` (one line per enum value) and `defaultSnippets` (ready-made values offered by
 * completion). ajv in strict mode refuses a keyword it does not know, so every ajv that compiles our schemas is made
 * with `keywords: [...EDITOR_KEYWORDS]`; they take no part in validation.
 */
export const EDITOR_KEYWORDS: readonly string[] = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets'];
