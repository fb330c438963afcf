import { DragDropProvider, DragOverlay } from '@dnd-kit/solid';
import { Show, type JSX } from 'solid-js';
import type { Card } from '../api/client';
import { DraggedCards } from './board-card';
import type { BoardContext } from './board-context';
import { boardSensors } from './board-drag';
import { boardPlugins, dragMessage } from './drag-announcements';

/** Where the board's cards are dragged: its columns (the children), the cards carried, and where they are said to be. */
export function BoardDragArea(props: {
  dragging: Card | null;
  context: BoardContext;
  onDragStart: (id: unknown) => void;
  onDragEnd: (canceled: boolean, target: { id: unknown; data?: unknown } | null | undefined) => void;
  children: JSX.Element;
}) {
  return (
    <>
      {/* The drag's own live region: where a card is carried, said apart from the board's announcer (which says whether the move was taken). */}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="drag-announcer">
        {dragMessage()}
      </div>
      <DragDropProvider sensors={boardSensors} plugins={boardPlugins} onDragStart={(event) => props.onDragStart(event.operation.source?.id)} onDragEnd={(event) => props.onDragEnd(event.canceled, event.operation.target)}>
        {props.children}
        <DragOverlay dropAnimation={null}>
          <Show when={props.dragging}>{(card) => <DraggedCards card={card()} context={props.context} />}</Show>
        </DragOverlay>
      </DragDropProvider>
    </>
  );
}
