/**
 * Keeps the shell when a page throws while rendering — a bug, or a page's code chunk that no longer loads
 * because the studio was upgraded while it was open. Without it React unmounts everything and the user
 * sees a blank window with no way to tell what happened. The error clears when the route changes.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  /** The current route: navigating elsewhere gives the next page a fresh start. */
  route: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  route: string;
}

/** Shows "This page could not be shown" with the error and a Reload button instead of a blank window. */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, route: this.props.route };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('Unknown error') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.route === state.route ? null : { error: null, route: props.route };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A studio page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="page" data-testid="page-error">
        <h1>This page could not be shown</h1>
        <ErrorNotice error={this.state.error} />
        <p>
          Reload the studio to try again: if a new version was installed while this tab was open, the reload fetches it. Other sections stay
          available from the menu.
        </p>
        <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
          Reload the studio
        </button>
      </section>
    );
  }
}
