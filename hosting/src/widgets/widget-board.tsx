'use client';
import { useMe } from '../session/session-context.tsx';
import { widgets } from './widget-registry.ts';

/**
 * The home page: a grid of independent widgets. Each one loads, fails and retries on its own, so
 * a slow weather service never holds up the rest; a new widget is one entry in the registry.
 */
export function WidgetBoard() {
  const me = useMe();
  return (
    <>
      <h1>Welcome{me.displayName ? `, ${me.displayName}` : ''}</h1>
      <div className="board">
        {widgets
          .filter((widget) => !widget.permission || me.permissions.includes(widget.permission))
          .map(({ id, title, Widget }) => (
            <section key={id} className="card" aria-labelledby={`widget-${id}`}>
              <h2 id={`widget-${id}`}>{title}</h2>
              <Widget />
            </section>
          ))}
      </div>
    </>
  );
}
