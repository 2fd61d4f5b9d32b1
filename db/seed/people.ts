/** Fictional adults: names, 555-01xx phone numbers, e-mail addresses, and a program's roster of professionals. */
import * as D from "./data";
import type { Person, Roster, RosterRole } from "./model";
import type { Rng } from "./rng";

function asciiSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

export function phone(rng: Rng): string {
  // 555-0100..555-0199 is reserved for fiction.
  return `(${rng.pick(D.AREA_CODES)}) 555-01${String(rng.int(0, 99)).padStart(2, "0")}`;
}

export function adultName(rng: Rng): [string, string] {
  return [rng.pick(D.ADULT_FIRST_NAMES), rng.pick(D.ADULT_LAST_NAMES)];
}

export function adultPerson(rng: Rng, domain: string): Omit<Person, "org"> {
  const [first, last] = adultName(rng);
  return { name: `${first} ${last}`, phone: phone(rng), email: `${asciiSlug(first)}.${asciiSlug(last)}@${domain}` };
}

/** A program's professionals; `scale` multiplies the head count of each role (at least one each). */
export function makeRoster(rng: Rng, county: string, scale: number): Roster {
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const make = (role: RosterRole, n: number): Person[] => {
    const orgs: readonly string[] = D.PARTY_ORGS[role];
    const list: Person[] = [];
    for (let i = 0; i < count(n); i++) {
      const person = adultPerson(rng, D.PARTY_EMAIL_DOMAINS[role]);
      list.push({ ...person, org: rng.pick(orgs).replace("Example County", county) });
    }
    return list;
  };
  return {
    csw: make("csw", 8),
    secondary_csw: make("secondary_csw", 2),
    attorney: make("attorney", 4),
    clc_case_manager: make("clc_case_manager", 3),
    therapist: make("therapist", 5),
    csec_advocate: make("csec_advocate", 3),
    probation_officer: make("probation_officer", 2),
  };
}
