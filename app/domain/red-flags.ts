/**
 * The fixed catalogue of observed indicators (red flags) offered when raising a concern, in our
 * own words, after NCMEC's guide for child welfare and CASA of Los Angeles's CSEC training (see
 * ../shared/seeds). Keys are stored; labels are shown. Keys are never renamed, only added.
 */
export const RED_FLAGS = [
  { key: "running_away", label: "History of running away, or missing now" },
  { key: "unexplained_gifts_cash_phones", label: "Unexplained gifts, cash, clothes, hair or nails done, phones" },
  { key: "multiple_phones_social_media", label: "Several or prepaid phones, prepaid cards, secretive online accounts" },
  { key: "older_intimate_partner", label: "Older boyfriend or girlfriend" },
  { key: "controlling_relationship", label: "A controlling relationship; loyalty to someone who exploits them" },
  { key: "signs_of_physical_abuse", label: "Injuries or signs of physical abuse they are reluctant to explain" },
  { key: "fear_or_submissiveness", label: "Fear, anxiety, depression, submissiveness, nervousness" },
  { key: "sexualized_behavior", label: "Sexualised behaviour; overly familiar with sex acts and terms" },
  { key: "inconsistent_accounts", label: "Inconsistent accounts of events" },
  { key: "travel_hotel_stays", label: "Travel to other cities or states, or hotel stays, during a run" },
  { key: "substance_use", label: "Substance use" },
  { key: "gang_involvement", label: "Gang involvement" },
  { key: "tattoos_branding", label: "Tattoos or marks that may be branding" },
  { key: "withdrawal_from_activities", label: "Withdrawal from school, friends or activities they enjoyed" },
  { key: "truancy", label: "Truancy or a sudden drop in school attendance" },
  { key: "does_not_see_self_as_victim", label: "Does not see themself as a victim" },
  { key: "sexual_abuse_history", label: "History of sexual abuse" },
  { key: "repeated_sti_or_pregnancy", label: "Repeated sexually transmitted infections or pregnancy" },
] as const;

export type RedFlagKey = (typeof RED_FLAGS)[number]["key"];
export const RED_FLAG_KEYS = RED_FLAGS.map((f) => f.key) as [RedFlagKey, ...RedFlagKey[]];

export function redFlagLabel(key: string): string {
  return RED_FLAGS.find((f) => f.key === key)?.label ?? key;
}
