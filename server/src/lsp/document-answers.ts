import type { Position } from '../engine';
import { completionsAt, hoverAt, lensesOf, type AnswerContext, type CompletionAnswer, type HoverAnswer, type LensAnswer } from '../engine/answers';

/**
 * The engine's answers for one open document at the version its diagnostics were published for.
 * Nothing is parsed here: every answer reads the context of that check. Lenses are the same for
 * every request until the next check, so they are computed once.
 */
export class DocumentAnswers {
  private lenses?: readonly LensAnswer[];

  constructor(
    /** The document version the answers are of. */
    readonly version: number,
    private readonly context: AnswerContext,
  ) {}

  hoverAt(position: Position): HoverAnswer | undefined {
    return hoverAt(this.context, position);
  }

  lensesOf(): readonly LensAnswer[] {
    return (this.lenses ??= lensesOf(this.context));
  }

  completionsAt(position: Position): CompletionAnswer[] {
    return completionsAt(this.context, position);
  }
}
