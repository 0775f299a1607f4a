"use client";
// The ticket version the page loaded, shared by every control on the page: each staff write
// sends it (a stale one answers CONFLICT/STALE_UPDATE) and stores the version it gets back.
import { createContext, useContext, useEffect, useState } from "react";

const Ctx = createContext<{ version: number; setVersion: (v: number) => void }>({ version: 0, setVersion: () => {} });

export function TicketVersionProvider({ version, children }: { version: number; children: React.ReactNode }) {
  const [v, setV] = useState(version);
  useEffect(() => setV(version), [version]);
  return <Ctx.Provider value={{ version: v, setVersion: setV }}>{children}</Ctx.Provider>;
}

export const useTicketVersion = () => useContext(Ctx);
