/**
 * The state-change registry both apps use: each change is a plain function
 * `({ state, data }) => Partial<State>`, testable without a DOM, and `apply`
 * merges its result into the state.
 */

export type Action<S, D> = (ctx: { state: S; data: D }) => Partial<S>;

/** The data a registered change takes. */
export type DataOf<A, K extends keyof A> = A[K] extends Action<infer _S, infer D> ? D : never;

export type DispatchOf<A> = <K extends keyof A>(name: K, data: DataOf<A, K>) => void;

/** Builds `apply` for one registry of changes. */
export function applier<S, A extends Record<string, Action<S, never>>>(actions: A) {
  return function apply<K extends keyof A>(state: S, name: K, data: DataOf<A, K>): S {
    const change = actions[name] as unknown as Action<S, DataOf<A, K>>;
    return { ...state, ...change({ state, data }) };
  };
}
