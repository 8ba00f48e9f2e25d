'use client';
import { RequireSession } from '../src/session/require-session.tsx';
import { WidgetBoard } from '../src/widgets/widget-board.tsx';

export default function HomePage() {
  return (
    <RequireSession>
      <WidgetBoard />
    </RequireSession>
  );
}
