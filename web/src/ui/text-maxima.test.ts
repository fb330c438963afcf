import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acknowledgeRequest } from '../../../api/contracts/escalations';
import { cluePayloadSchemas } from '../../../engine/clue/clue.model';
import { problemPayloadSchemas } from '../../../engine/problem/problem.model';
import { textMaxima } from './text-maxima';

describe("a contract's text limits", () => {
  it("are read from the engine's payload schemas: required and optional texts, a group's text by its path, a case number checked after it is put in its form", () => {
    expect(textMaxima(cluePayloadSchemas['clue.dismiss'])).toEqual({ conclusion: 4000 });
    expect(textMaxima(cluePayloadSchemas['clue.file'])).toEqual({ caseNumber: 64, conclusion: 4000 });
    expect(textMaxima(problemPayloadSchemas['problem.verify'])).toEqual({ note: 4000 });
    expect(textMaxima(problemPayloadSchemas['problem.complete'])).toEqual({ 'rectification.measures': 4000 });
    expect(textMaxima(cluePayloadSchemas['clue.markTypical'])).toEqual({ summary: 2000 });
    expect(textMaxima(acknowledgeRequest)).toEqual({ note: 4000 });
  });

  it('leave out what has no limit: numbers, choices, a text without a most', () => {
    expect(textMaxima(cluePayloadSchemas['clue.prosecute'])).toEqual({});
    expect(textMaxima(cluePayloadSchemas['clue.verify'])).toEqual({});
    expect(textMaxima(z.object({ free: z.string(), kept: z.string().max(10).nullable().default(null) }))).toEqual({ kept: 10 });
  });
});
