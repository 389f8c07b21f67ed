export type StarterText = { title: string; body: string; requesterText: string };
