/**
 * Fixed lists the seed draws from: names, organisations and the short texts people write.
 * Everything is fictional. The name pools are kept disjoint on purpose (see seed.test.ts):
 * - program one's demo youth, program two's demo youth and the generated ("large") youth never
 *   share a first or a last name, so a search for a demo youth finds exactly that youth and a
 *   test can assert that no program-two youth name shows up anywhere in program one;
 * - adults (case parties, support people, generated users) never share a name with any youth.
 *
 * Keys (party roles, placement and request types, red flags, contact methods ...) are the app's
 * own, from app/domain; only what the seed alone needs is listed here.
 */
import type { CsecBasis } from "../../app/domain/csec";
import type { RedFlagKey } from "../../app/domain/red-flags";
import type { RequestType } from "../../app/domain/requests";
import type { PartyRole, PlacementType } from "../../app/domain/youth";
import type { ContactMethod } from "../../app/domain/contacts";

/** Program one's 30 demo youth, in the order the seed creates them (index = spec index). */
export const P1_YOUTH_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["Aaliyah", "Brooks"],
  ["Destiny", "Ramirez"],
  ["Jasmine", "Nguyen"],
  ["Keyonna", "Washington"],
  ["Marisol", "Vega"],
  ["Trinity", "Castillo"],
  ["Brianna", "Okoye"],
  ["Isabella", "Moreno"],
  ["Tyrese", "Jackson"],
  ["Luis", "Hernandez"],
  ["Amara", "Mensah"],
  ["Kayla", "Peterson"],
  ["Sofia", "Gutierrez"],
  ["Malik", "Johnson"],
  ["Hailey", "Thompson"],
  ["Angel", "Flores"],
  ["Jada", "Coleman"],
  ["Noah", "Kowalski"],
  ["Esperanza", "Ruiz"],
  ["Darius", "Freeman"],
  ["Leilani", "Kahale"],
  ["Xavier", "Dominguez"],
  ["Nia", "Holloway"],
  ["Mateo", "Salazar"],
  ["Serenity", "Cruz"],
  ["Jayden", "Park"],
  ["Ximena", "Torres"],
  ["Imani", "Carter"],
  ["Deshawn", "Mitchell"],
  ["Alondra", "Reyes"],
];

/** Program two's 6 demo youth. */
export const P2_YOUTH_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["Camila", "Fuentes"],
  ["Jamal", "Whitaker"],
  ["Lucia", "Paredes"],
  ["Kiara", "Benally"],
  ["Ethan", "Nakamura"],
  ["Zaria", "Pruitt"],
];

/** Generated youth (large mode) draw first x last from these. */
export const LARGE_FIRST_NAMES: readonly string[] = [
  "Abigail",
  "Adrian",
  "Aiyana",
  "Alejandro",
  "Alicia",
  "Andre",
  "Anika",
  "Ariana",
  "Armando",
  "Ashanti",
  "Aubrey",
  "Ava",
  "Bianca",
  "Brandon",
  "Caleb",
  "Carlos",
  "Cassandra",
  "Chloe",
  "Christian",
  "Dakota",
  "Damian",
  "Daniela",
  "Dante",
  "Diego",
  "Dominic",
  "Ebony",
  "Eduardo",
  "Elijah",
  "Emily",
  "Emmanuel",
  "Erica",
  "Esmeralda",
  "Fernando",
  "Gabriel",
  "Genesis",
  "Giovanni",
  "Hannah",
  "Hector",
  "Iris",
  "Isaiah",
  "Ivan",
  "Jacqueline",
  "Jaime",
  "Janelle",
  "Javier",
  "Jazmin",
  "Josiah",
  "Julian",
  "Kaiya",
  "Kendall",
  "Kevin",
  "Khalil",
  "Kimberly",
  "Lamar",
  "Layla",
  "Leah",
  "Lily",
  "Lorenzo",
  "Madison",
  "Makayla",
  "Mariah",
  "Mia",
  "Miguel",
  "Naomi",
  "Natalia",
  "Nathaniel",
  "Olivia",
  "Omar",
  "Paloma",
  "Precious",
  "Quentin",
  "Rafael",
  "Raven",
  "Ricardo",
  "Ruby",
  "Samantha",
  "Santiago",
  "Sergio",
  "Shania",
  "Skylar",
  "Tatiana",
  "Taylor",
  "Terrell",
  "Tiana",
  "Valeria",
  "Vanessa",
  "Victor",
  "Yesenia",
  "Yusuf",
  "Zion",
  "Andrea",
  "Brenda",
  "Cedric",
  "Daisy",
  "Fatoumata",
  "Hassan",
  "Ibrahim",
  "Jocelyn",
  "Keanu",
  "Lina",
  "Monica",
  "Nayeli",
  "Oscar",
  "Penelope",
  "Rashad",
  "Selena",
  "Thuy",
  "Uriel",
  "Wendy",
  "Yara",
  "Zainab",
  "Marcos",
  "Trevon",
  "Aylin",
  "Kofi",
  "Soraya",
  "Tavita",
  "Ren",
  "Joaquin",
];

export const LARGE_LAST_NAMES: readonly string[] = [
  "Abernathy",
  "Acosta",
  "Adeyemi",
  "Aguilar",
  "Alvarado",
  "Avila",
  "Banks",
  "Barrera",
  "Bautista",
  "Becker",
  "Bishop",
  "Boateng",
  "Bowman",
  "Cabrera",
  "Calderon",
  "Campbell",
  "Chavez",
  "Cho",
  "Contreras",
  "Cortez",
  "Daniels",
  "Davis",
  "Delacruz",
  "Diaz",
  "Duarte",
  "Ellison",
  "Espinoza",
  "Estrada",
  "Fletcher",
  "Franco",
  "Fuller",
  "Galvan",
  "Gibson",
  "Gomez",
  "Graham",
  "Guerrero",
  "Hale",
  "Hamilton",
  "Harper",
  "Hayes",
  "Hoang",
  "Ibarra",
  "Jenkins",
  "Juarez",
  "Kaur",
  "Kelley",
  "Lam",
  "Lara",
  "Lawson",
  "Le",
  "Lopez",
  "Lucero",
  "Macias",
  "Maldonado",
  "Marsh",
  "Medina",
  "Mejia",
  "Meza",
  "Miranda",
  "Molina",
  "Montgomery",
  "Murillo",
  "Navarro",
  "Nunez",
  "Ochoa",
  "Oliver",
  "Orozco",
  "Pacheco",
  "Padilla",
  "Patel",
  "Pena",
  "Perry",
  "Pham",
  "Porter",
  "Quintero",
  "Ramos",
  "Rangel",
  "Rios",
  "Rivas",
  "Robles",
  "Rojas",
  "Rosales",
  "Sandoval",
  "Santos",
  "Shaw",
  "Simmons",
  "Solis",
  "Soto",
  "Spencer",
  "Stewart",
  "Tran",
  "Trujillo",
  "Valdez",
  "Valencia",
  "Vargas",
  "Velasquez",
  "Villanueva",
  "Wade",
  "Walker",
  "Watts",
  "Webb",
  "Wilkins",
  "Yang",
  "Yazzie",
  "Zamora",
  "Zuniga",
  "Begay",
  "Tsosie",
  "Okafor",
  "Asante",
  "Mwangi",
  "Farouk",
  "Sabir",
  "Kealoha",
  "Tuiasosopo",
  "Vu",
  "Dang",
  "Yilmaz",
];

/** Adults: case parties, caregivers, safety-plan support people, generated users. */
export const ADULT_FIRST_NAMES: readonly string[] = [
  "Adaeze",
  "Alan",
  "Alma",
  "Anita",
  "Arturo",
  "Barbara",
  "Bernard",
  "Carmen",
  "Catherine",
  "Charles",
  "Claire",
  "Cynthia",
  "Dolores",
  "Donald",
  "Dorothy",
  "Eileen",
  "Ernesto",
  "Evelyn",
  "Felicia",
  "Frank",
  "Gloria",
  "Gregory",
  "Hyun-woo",
  "Ingrid",
  "Irene",
  "Janet",
  "Joanne",
  "Jorge",
  "Judith",
  "Keith",
  "Kwame",
  "Laura",
  "Leticia",
  "Linda",
  "Lorraine",
  "Manuel",
  "Margaret",
  "Maribel",
  "Martin",
  "Maureen",
  "Michelle",
  "Miriam",
  "Nancy",
  "Nicole",
  "Norma",
  "Pamela",
  "Patricia",
  "Paul",
  "Ramon",
  "Raymond",
  "Rebecca",
  "Reginald",
  "Roberto",
  "Ruth",
  "Sandra",
  "Sharon",
  "Sheila",
  "Stephen",
  "Susan",
  "Teresa",
  "Theodore",
  "Valerie",
  "Vincent",
  "Walter",
  "Wanda",
  "Yolanda",
  "Yvonne",
  "Deborah",
  "Colleen",
  "Hiroshi",
  "Oluwaseun",
  "Anh",
  "Farah",
  "Gustavo",
  "Beatriz",
  "Douglas",
  "Graciela",
  "Howard",
  "Lakshmi",
  "Octavia",
];

export const ADULT_LAST_NAMES: readonly string[] = [
  "Abbott",
  "Albrecht",
  "Ashworth",
  "Baptiste",
  "Bergstrom",
  "Blackwell",
  "Brennan",
  "Caldwell",
  "Chandler",
  "Chen",
  "Cunningham",
  "Dawson",
  "Delaney",
  "Donovan",
  "Dubois",
  "Eastman",
  "Emerson",
  "Farrell",
  "Fitzgerald",
  "Garrison",
  "Gallagher",
  "Goldstein",
  "Greenberg",
  "Hartley",
  "Hathaway",
  "Hensley",
  "Hirano",
  "Hutchins",
  "Iwu",
  "Jennings",
  "Kaplan",
  "Keller",
  "Kendrick",
  "Langley",
  "Lindgren",
  "MacDonald",
  "Mahoney",
  "Marchetti",
  "McAllister",
  "Mercer",
  "Nakashima",
  "Norris",
  "Oyelaran",
  "Pennington",
  "Prescott",
  "Quinlan",
  "Rasmussen",
  "Reinholt",
  "Rutherford",
  "Sato",
  "Schaefer",
  "Sheppard",
  "Sinclair",
  "Stanton",
  "Sorensen",
  "Takahashi",
  "Thornton",
  "Underwood",
  "Wainwright",
  "Whitman",
  "Winslow",
  "Yoshida",
  "Zimmerman",
  "Achebe",
  "Bhatt",
  "Chowdhury",
  "Demir",
  "Esposito",
  "Fonseca",
  "Guzman",
  "Iyer",
  "Jovanovic",
  "Kowal",
  "Obi",
  "Pak",
  "Ferreira",
  "Szabo",
  "Lindahl",
  "Morrow",
  "Castellanos",
];

export const AREA_CODES: readonly string[] = ["213", "323", "310", "626", "818", "562", "747"];

/** Where each kind of party works. */
export const PARTY_ORGS = {
  csw: ["Example County DCFS, Metro North office", "Example County DCFS, Lakeside office", "Example County DCFS, Hillcrest office"],
  secondary_csw: ["Example County DCFS, Specialized Services"],
  attorney: ["Children's Law Center, Dept. 415", "Children's Law Center, Dept. 418", "Children's Law Center, Dept. 422"],
  clc_case_manager: ["Children's Law Center"],
  csec_advocate: ["Harbor Light Youth Advocacy", "Northstar Survivor Services"],
  therapist: ["Pacific Family Counseling", "Willow Creek Behavioral Health", "Bridgeway Trauma Center"],
  probation_officer: ["Example County Probation"],
  caregiver: ["Resource family", "Sunrise Foster Family Agency", "Relative caregiver"],
} as const satisfies Partial<Record<PartyRole, readonly string[]>>;

export const PARTY_EMAIL_DOMAINS = {
  csw: "dcfs.example.gov",
  secondary_csw: "dcfs.example.gov",
  attorney: "clc.example.org",
  clc_case_manager: "clc.example.org",
  csec_advocate: "harborlight.example.org",
  therapist: "pfc.example.org",
  probation_officer: "probation.example.gov",
  caregiver: "mail.example.com",
} as const satisfies Partial<Record<PartyRole, string>>;

export const PLACEMENT_DESCRIPTIONS: Record<PlacementType, readonly string[]> = {
  foster_home: ["Resource home (FFA)", "County resource home", "Emergency shelter care home"],
  relative: ["Maternal grandmother's home", "Paternal aunt's home", "Older sister's home"],
  nrefm: ["Home of a family friend", "Godmother's home", "Former coach's home"],
  group_home: ["Oak Hollow group home", "Cedar House"],
  strtp: ["Crestview STRTP", "Valley Oaks STRTP", "Bright Horizons STRTP"],
  home_of_parent: ["Mother's home (family maintenance)", "Father's home (family maintenance)"],
  supervised_independent_living: ["SILP apartment", "THP-NMD apartment"],
  juvenile_hall: ["Example County Juvenile Hall"],
  other: ["Hospital (psychiatric hold)", "Emergency shelter"],
};

export const PLACEMENT_END_REASONS: readonly string[] = [
  "Caregiver requested removal (7-day notice)",
  "Stepped down to a lower level of care",
  "Moved closer to school of origin",
  "Relative placement approved",
  "Left placement; bed not held after the runaway",
  "Placement disruption after conflict with other youth in the home",
  "Agency closed the home",
  "Trial home visit started",
];

export const CASE_CLOSED_REASONS: readonly string[] = ["Case closed: reunified with parent", "Case closed: legal guardianship granted"];

// ---------------------------------------------------------------------------------------------
// Texts. `{Y}` is the youth's first name, `{P}` a party's name.

/** Contact summaries with the methods they make sense for. */
type Summary = readonly [text: string, methods: readonly ContactMethod[]];
const IP = ["in_person"] as const;
const PH = ["phone"] as const;
const TX = ["text"] as const;
const VI = ["video"] as const;
const EM = ["email"] as const;
const TALK = ["phone", "video", "in_person"] as const;

export const YOUTH_CONTACT_SUMMARIES: readonly Summary[] = [
  ["Visited {Y} at placement; talked about school and the week ahead.", IP],
  ["Took {Y} to lunch; {Y} is enjoying the new art elective.", IP],
  ["Check-in with {Y}; explained what happens at the next court date.", TALK],
  ["Texted {Y} to confirm Saturday's outing.", TX],
  ["Helped {Y} study for the driver's permit test.", ["in_person", "video"]],
  ["{Y} shared worries about a possible placement change; noted questions for the CSW.", TALK],
  ["Video call; {Y} showed the latest report card, math grade is up.", VI],
  ["Attended {Y}'s IEP meeting at school.", IP],
  ["Short visit; {Y} was tired and did not want to talk much.", IP],
  ["Went to the library with {Y} and signed up for a library card.", IP],
  ["{Y} texted to ask about visits with siblings; will raise it with the team.", TX],
  ["Walked through a college fair with {Y}.", IP],
  ["Quick call with {Y} after the school day; all well.", PH],
];

export const PARTY_CONTACT_SUMMARIES: Partial<Record<PartyRole, readonly Summary[]>> & { other: readonly Summary[] } = {
  csw: [
    ["Called CSW {P} about the status of the placement referral.", PH],
    ["Emailed CSW {P} asking for the updated case plan.", EM],
    ["CSW {P} confirmed the next court date and the visitation schedule.", ["phone", "email", "text"]],
    ["Left a voicemail for CSW {P}; no reply yet.", PH],
    ["CSW {P} shared the outcome of the last home visit.", TALK],
  ],
  secondary_csw: [
    ["Introductory call with secondary CSW {P}.", ["phone", "video"]],
    ["Secondary CSW {P} updated me on the school transfer.", ["phone", "email"]],
  ],
  attorney: [
    ["Spoke with attorney {P} ahead of the review hearing.", TALK],
    ["Sent attorney {P} the draft CASA court report for comments.", EM],
    ["Attorney {P} asked about school stability; shared the attendance record.", ["email", "phone"]],
  ],
  clc_case_manager: [
    ["CLC case manager {P} shared the status of the education records request.", ["email", "phone"]],
    ["Coordinated with {P} on the transition-to-adulthood plan.", TALK],
    ["{P} asked for dates that work for the next MDT.", ["email", "text"]],
  ],
  caregiver: [
    ["Caregiver {P} reports {Y} is settling in and going to school every day.", ["phone", "in_person"]],
    ["Caregiver {P} asked for help scheduling a dental appointment.", ["phone", "text"]],
    ["Checked in with {P} about curfew and weekend plans.", ["phone", "text", "in_person"]],
  ],
  therapist: [
    ["Therapist {P} confirmed weekly sessions are continuing.", ["phone", "email"]],
    ["Therapist {P} suggested more consistent visit times.", ["phone", "video"]],
  ],
  probation_officer: [["Probation officer {P} confirmed the next check-in date.", ["phone", "email"]]],
  csec_advocate: [["Coordinated with CSEC advocate {P} about the next meeting with {Y}.", ["phone", "video", "email"]]],
  other: [["Spoke with {P}.", PH]],
};

export const MEETING_LOCATIONS: readonly string[] = [
  "DCFS Metro North office, conference room 2B",
  "Children's Law Center, room 310",
  "CASA office, MDT room",
  "Placement (caregiver's home)",
];

export const MEETING_NOTES: readonly string[] = [
  "Team reviewed school attendance, placement stability and visitation. {Y} joined for the last twenty minutes.",
  "Reviewed progress on the case plan; {Y} is engaged in therapy and wants more time with siblings.",
  "Discussed the upcoming review hearing and what each party will report. Caregiver raised transportation issues.",
  "Checked on health and dental appointments; ID documents still outstanding.",
  "Talked through {Y}'s goals for the semester and summer job options.",
];

export const MEETING_DECISIONS: readonly string[] = [
  "Keep the current placement; CSW to request tutoring; CASA continues weekly visits.",
  "Team agreed to ask the court for expanded sibling visits.",
  "CLC to follow up on education rights; caregiver to enrol {Y} in the summer program.",
  "Next MDT in about eight weeks; attorney to circulate the court report timeline.",
];

export const CSEC_MEETING_NOTES: readonly string[] = [
  "CSEC MDT: reviewed the safety plan, the CSEC advocate's weekly contact and placement safety.",
  "CSEC MDT: discussed run risk, school attendance and the services offered by the CSEC advocate.",
];

export const CSEC_MEETING_DECISIONS: readonly string[] = [
  "CSEC advocate to meet {Y} weekly; CSW to keep the placement informed of run-risk protocol.",
  "Team agreed to request restoration funds and revisit the safety plan in 30 days.",
];

/** Action items that reveal nothing; the roles that would usually own them. */
export const ACTION_ITEMS: ReadonlyArray<readonly [string, readonly PartyRole[]]> = [
  ["Submit the tutoring referral", ["csw", "clc_case_manager"]],
  ["Request updated school records", ["clc_case_manager", "casa_advocate"]],
  ["Schedule a dental appointment", ["caregiver", "csw"]],
  ["Follow up on the state ID application", ["casa_advocate", "csw"]],
  ["Share the visitation schedule with the caregiver", ["csw"]],
  ["Enrol {Y} in driver's education", ["casa_advocate", "caregiver"]],
  ["Arrange the therapy intake", ["csw", "therapist"]],
  ["Confirm transportation to the school of origin", ["csw"]],
  ["Send the draft court report to the attorney", ["casa_advocate"]],
  ["Look into the summer youth employment program", ["casa_advocate", "clc_case_manager"]],
  ["Update the health and education passport", ["csw"]],
  ["File the motion for expanded sibling visits", ["attorney"]],
  ["Get a certified copy of the birth certificate", ["csw", "casa_advocate"]],
];

export const CSEC_ACTION_ITEMS: readonly string[] = [
  "Follow up on the CSEC advocate referral",
  "Review the safety plan with the CSEC advocate",
  "Gather receipts for the restoration funds request",
  "Confirm the CSEC unit assignment with DCFS",
  "Schedule a CSEC MDT debrief after the next run episode",
];

export const DROP_REASONS: readonly string[] = [
  "No longer needed after the placement change",
  "Duplicate of another action item",
  "Youth declined",
  "Covered by the new case plan",
];

export const AGENDA_ITEMS: readonly string[] = [
  "School attendance since the last MDT",
  "Visits with siblings",
  "Summer plans and job options",
  "Status of the ID documents",
];

export const CSEC_AGENDA_ITEMS: readonly string[] = [
  "CSEC advocate referral and first meetings",
  "Safety plan review with the CSEC advocate",
  "Restoration funds: what the youth needs",
];

export const REQUEST_DESCRIPTIONS: Record<RequestType, readonly string[]> = {
  csec_advocate: ["Referral for a CSEC advocate to meet {Y} weekly", "CSEC advocate support during court dates"],
  restoration_funds: [
    "Restoration funds for clothing, a phone and a transit pass",
    "Restoration funds for a hair appointment and school supplies",
  ],
  therapy: ["EMDR with a trauma-focused clinician", "Intensive therapeutic services (IST) referral", "Art therapy group"],
  secondary_csw: ["Request a secondary DCFS social worker for additional support"],
  medical: ["Dental exam and cleaning", "Vision exam and glasses", "Well-child physical"],
  mental_health: ["Psychiatric evaluation and medication review", "Mental health assessment"],
  housing_placement: [
    "Placement closer to the school of origin",
    "Search for a relative placement",
    "Transitional housing application (THP+)",
  ],
  identification_documents: ["Certified birth certificate copy", "California state ID card", "Social Security card replacement"],
  education_legal: ["Math tutoring through the school district", "Clarify who holds education rights", "Record sealing consultation"],
  career_exploration: [
    "Summer youth employment program application",
    "Job-readiness workshop",
    "Community college tour and application help",
  ],
  other: ["Laptop for school", "Monthly bus pass", "Sports league registration fee"],
};

/** Who a request of each type is usually addressed to: a party role or an agency. */
export const REQUEST_ADDRESSEES: Record<RequestType, { role?: PartyRole; agency?: string }> = {
  csec_advocate: { agency: "Harbor Light Youth Advocacy" },
  restoration_funds: { agency: "CASA Restoration Fund" },
  therapy: { role: "csw" },
  secondary_csw: { role: "csw" },
  medical: { role: "csw" },
  mental_health: { agency: "Example County Department of Mental Health" },
  housing_placement: { role: "csw" },
  identification_documents: { agency: "Example County Vital Records" },
  education_legal: { role: "clc_case_manager" },
  career_exploration: { agency: "Example County Youth Opportunity Center" },
  other: { role: "csw" },
};

export const DENY_REASONS: readonly string[] = [
  "Not covered by this fund; referred to a community resource instead",
  "Duplicate of an existing request",
  "Already provided through the placement",
  "Needs receipts and a budget; please resubmit",
];

export const WITHDRAW_NOTES: readonly string[] = [
  "Youth no longer wants this",
  "Caregiver covered it",
  "Placement change made it unnecessary",
];

export const APPROVE_NOTES: readonly string[] = ["Approved", "Approved; CSW will process the referral", "Approved within budget"];
export const FULFIL_NOTES: readonly string[] = [
  "Service started",
  "Delivered to the youth",
  "Document received and filed",
  "Funds disbursed",
];

/** What a fulfilled request of each type gave the youth, as the decider records it. */
export const FULFIL_OUTCOMES: Partial<Record<string, readonly string[]>> = {
  restoration_funds: [
    "Funds paid to the vendor for clothing and toiletries.",
    "Phone plan paid for three months so the youth can reach the team.",
    "Bus pass and school supplies bought.",
  ],
  therapy: ["First session held; weekly sessions booked.", "Intake done; the therapist meets the youth at the placement."],
  medical: ["Appointment kept; follow-up booked.", "Prescription filled and handed to the caregiver."],
  mental_health: ["Assessment done; recommendations shared with the team."],
  identification_documents: ["Document received and given to the youth; a copy is in the file."],
  csec_advocate: ["Advocate assigned and met the youth."],
  housing_placement: ["Placement found; move planned with the youth."],
  education_legal: ["Enrolment completed.", "Attorney consulted; next steps agreed."],
  career_exploration: ["Youth enrolled in the job-readiness workshop."],
};

/** Generic red-flag notes (for youth other than the named demo ones). Indicator keys as stored. */
export const RED_FLAG_NOTES: Partial<Record<RedFlagKey, string>> = {
  running_away: "Left placement twice this month and came back after midnight.",
  unexplained_gifts_cash_phones: "New phone and expensive shoes; would not say where they came from.",
  older_intimate_partner: "Mentions a partner who is in their twenties.",
  signs_of_physical_abuse: "Bruising on the forearms; the explanation changed between conversations.",
  fear_or_submissiveness: "Became anxious and quiet whenever the phone buzzed.",
  sexualized_behavior: "Caregiver reports sexualised comments unusual for the youth's age.",
  inconsistent_accounts: "Account of the weekend did not match the caregiver's.",
  travel_hotel_stays: "Mentioned staying at a hotel during the last run.",
  substance_use: "Admitted to drinking during the last run.",
  gang_involvement: "New friends from a local gang set.",
  tattoos_branding: "New tattoo of a name on the neck; reluctant to discuss it.",
  multiple_phones_social_media: "Has two phones and several new social-media accounts.",
  truancy: "Missed eleven school days this month.",
  controlling_relationship: "Partner checks the youth's location constantly.",
};

/** The indicators the seed draws (those with a note above), in this order. */
export const RED_FLAG_INDICATORS = Object.keys(RED_FLAG_NOTES) as readonly RedFlagKey[];

export const CONCERN_NOTES: readonly string[] = [
  "Several indicators together over the last few weeks; asking for a supervisor review.",
  "Caregiver and school both noticed changes; raising a concern so the team can look at it.",
  "Pattern after the last two runs worries me; please review.",
];

export const CLEAR_REASONS: readonly string[] = [
  "Reviewed with the CSW and the caregiver: the indicators have an ordinary explanation; no concern remains.",
  "Follow-up with the youth and the school found no exploitation indicators; cleared.",
];

export const CONFIRM_NOTES: Record<CsecBasis, string> = {
  agency_csec_unit: "DCFS assigned its CSEC unit to the case.",
  court_finding: "The court made a finding at the review hearing.",
  youth_disclosure: "The youth disclosed to the team during a meeting with the CSEC advocate.",
};

export const RUNAWAY_NOTES: readonly string[] = [
  "Did not return from school; caregiver called it in that evening.",
  "Left after an argument at the placement.",
  "Walked out during the night; belongings left behind.",
];

export const RETURN_CONVERSATION_NOTES: readonly string[] = [
  "Said the placement felt crowded; wants more time with friends. Open to reviewing the safety plan.",
  "Stayed with a friend's family, did not want to say where. Agreed to call before leaving next time.",
  "Said they left to see a sibling. Team will ask for more sibling visits.",
  "Did not want to talk about it today; will check in again later this week.",
];

export const SUPPORT_RELATIONS: readonly string[] = [
  "Aunt",
  "Grandmother",
  "Older sister",
  "Former foster mother",
  "Coach",
  "Youth pastor",
  "Teacher",
  "Mentor",
  "Uncle",
  "Best friend's mother",
];

export const SAFETY_PLAN_NOTES: readonly string[] = [
  "Keeps the numbers on a card in the wallet and saved under a nickname.",
  "Agreed to text a support person before leaving the placement.",
  "Knows where the nearest safe place (fire station) is from school and from the placement.",
];
