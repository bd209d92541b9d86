import { XMLBuilder } from 'fast-xml-parser';
import type { SuiteResult } from '../policy-test/run-policy-tests.js';
import { formatDiagnostic } from '../policy/diagnostic.js';
import { countResults, failureDetail } from './format-test-results.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

/**
 * The results of `ballast test` as JUnit XML (the format CI systems read): one `<testsuite>` per test file, one
 * `<testcase>` per case (`classname` the file, `file` and `line` attributes), a `<failure>` with the expected/got
 * diff, an `<error>` for a case whose policy or inputs are unusable, and for a file that does not validate a single
 * errored case carrying its problems. Counts on `<testsuites>` match the closing line's.
 */
export function junitReport(suites: readonly SuiteResult[]): string {
  const { passed, failed } = countResults(suites);
  const testsuite = suites.map((suite) => {
    const broken = suite.problems.filter((p) => p.severity === 'error');
    const testcase = broken.length > 0
      ? [{ '@_name': 'the test file is valid', '@_classname': suite.file, '@_file': suite.file, error: { '@_message': `${broken.length} problem(s) in ${suite.file}`, '#text': broken.map((p) => formatDiagnostic(p, suite.text)).join('\n') } }]
      : suite.cases.map((c) => ({
          '@_name': c.name,
          '@_classname': suite.file,
          '@_file': suite.file,
          '@_line': c.line,
          ...(c.status === 'failed' ? { failure: { '@_message': `proposals differ from the expected ones (${c.policy})`, '#text': failureDetail(c.outcome).join('\n') } } : {}),
          ...(c.status === 'error' ? { error: { '@_message': c.error.split('\n')[0], '#text': c.error } } : {}),
        }));
    const failures = suite.cases.filter((c) => c.status === 'failed').length;
    const errors = broken.length > 0 ? 1 : suite.cases.filter((c) => c.status === 'error').length;
    return { '@_name': suite.file, '@_tests': testcase.length, '@_failures': failures, '@_errors': errors, testcase };
  });
  const failures = suites.flatMap((s) => s.cases).filter((c) => c.status === 'failed').length;
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'ballast test', '@_tests': passed + failed, '@_failures': failures, '@_errors': failed - failures, testsuite },
  }) as string;
}
