/** An uptime as shown: one decimal in the user's notation, a dash without runs. */
export const formatUptime = (value: number | null): string => (value === null ? '–' : `${value.toLocaleString()} %`);
