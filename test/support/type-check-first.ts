import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Whether a test file is the project's type check (test/typecheck.test.ts). */
export const isTypeCheck = (file: TestSpecification): boolean => file.moduleId.endsWith('/test/typecheck.test.ts');

/**
 * vitest's own order of the test files (by project, then the larger or, once known, the longer first), with the
 * type check first of all: a small file, it came last, where its half-minute of tsc ran alone after everything else
 * instead of beside the first browser tests.
 */
export class TypeCheckFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isTypeCheck), ...sorted.filter((file) => !isTypeCheck(file))];
  }
}
