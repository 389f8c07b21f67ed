import { create } from 'zustand';

/** The time the views show against, ticking every 30 s: one timer for every deadline on screen. */
export const useClock = create<{ now: number }>(() => ({ now: Date.now() }));
setInterval(() => useClock.setState({ now: Date.now() }), 30_000);
