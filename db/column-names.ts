/** A measure or key name as its SQL column: `killedCivilians` → `killed_civilians`. */
export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
