/** The national hotlines a youth is encouraged to memorise (DOMAIN.md, seeds 003/004). */
export const HOTLINES = [
  { key: "nhth", name: "National Human Trafficking Hotline", number: "1-888-373-7888" },
  { key: "ncmec", name: "National Center for Missing & Exploited Children", number: "1-800-THE-LOST (1-800-843-5678)" },
  { key: "runaway_safeline", name: "National Runaway Safeline", number: "1-800-786-2929" },
  { key: "rainn", name: "RAINN (sexual assault hotline)", number: "1-800-656-4673" },
  { key: "teen_dating_abuse", name: "Teen Dating Abuse Helpline", number: "1-866-331-9473" },
] as const;

export type HotlineKey = (typeof HOTLINES)[number]["key"];
export const HOTLINE_KEYS = HOTLINES.map((h) => h.key) as [HotlineKey, ...HotlineKey[]];
