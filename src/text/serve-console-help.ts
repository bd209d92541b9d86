/** What the console of `ballast serve` answers to `help`: every command it takes. */
export const SERVE_CONSOLE_HELP: string = [
  'commands (type while ballast serve runs):',
  '  pending                   proposals waiting for a decision',
  '  approve <id…> | all       approve and execute on paper at the re-checked price',
  '  reject <id…> | all        reject',
  '  next                      last and next run of every schedule',
  '  help                      this list',
  'Ctrl-C stops serve after the run in progress.',
].join('\n');
