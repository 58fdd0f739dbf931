//! Word lists for `names_en`: titles, relation and role words, eponym continuations,
//! capitalised non-persons, surname particles, function words, person verbs and identifier
//! labels.  Kept apart so the rules read on one screen.

#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "mister", "madam", "mme", "mlle", "sr", "sra", "srta", "señor", "señora",
    "senor", "senora", "herr", "frau", "mdm", "signora", "signor",
];
#[rustfmt::skip]
pub(super) const RELATIONS: &[&str] = &[
    "name", "surname", "forename", "aka", "patient", "pt", "resident", "client", "daughter", "son", "wife", "husband",
    "mother", "mom", "mum", "father", "dad", "sister", "brother", "niece", "nephew", "grandson", "granddaughter",
    "grandmother", "grandfather", "grandma", "grandpa", "granny", "partner", "fiancé", "fiance", "fiancée", "spouse",
    "caregiver", "carer", "aunt", "uncle", "cousin", "neighbour", "neighbor", "friend", "widow", "widower",
    "boyfriend", "girlfriend", "guardian", "named", "called", "stepdaughter", "stepson", "stepmother", "stepfather",
    "daughter-in-law", "son-in-law", "sibling", "kin", "nok", "proxy", "decedent", "deceased", "infant", "baby",
    "toddler", "child", "teen", "twin", "roommate", "housemate", "landlord", "employer", "coworker", "colleague",
    "pastor", "tenant", "veteran", "admitted", "admission", "referral", "visited", "visiting", "ring", "call", "text",
    "phoned", "phone", "contact",
];
/// Words after a name that make it an eponym.
#[rustfmt::skip]
pub(super) const EPONYM_NEXT: &[&str] = &[
    "disease", "syndrome", "sign", "signs", "lymphoma", "tear", "node", "point", "foot", "reflex", "test", "maneuver",
    "manoeuvre", "criteria", "scale", "score", "classification", "procedure", "operation", "fracture", "palsy",
    "ulcer", "phenomenon", "triad", "law", "equation", "formula", "breathing", "respiration", "disorder", "anomaly",
    "tumor", "tumour", "sarcoma", "encephalopathy", "thyroiditis", "malformation", "hernia", "cell", "cells", "body",
    "bodies", "method", "technique", "position", "incision", "catheter", "tube", "rule", "rules", "index", "ratio",
    "effect", "type", "variant", "angina", "pattern", "murmur", "contracture", "cyst", "dementia", "chorea", "ataxia",
    "neuralgia", "aneurysm", "lesion", "lesions", "spots", "nodes", "line", "lines", "space", "pouch", "duct",
    "canal", "ligament", "membrane", "capsule", "protocol", "regimen", "solution", "stain", "staining", "bundle",
];
/// Capitalised institutions and places that look like "Given Surname".
#[rustfmt::skip]
pub(super) const NOT_PERSON: &[&str] = &[
    "kettering", "permanente", "sinai", "hopkins", "anderson", "mayo", "cleveland", "stanford", "yale", "harvard",
    "duke", "emory", "vanderbilt", "brigham", "cedars", "scripps", "kaiser", "guy's", "thomas'", "ormond", "marsden",
    "grey", "turner", "lou", "gehrig's", "gehrig", "mountain", "mountains", "river", "valley", "island", "county",
    "spotted", "fever", "virus", "syndrome", "disease", "hospital", "clinic", "university", "college", "school",
    "institute", "foundation", "society", "association", "trust", "jakob", "creutzfeldt",
];

#[rustfmt::skip]
pub(super) const PARTICLES: &[&str] = &[
    "del", "de", "la", "da", "van", "von", "der", "den", "bin", "binti", "al", "el", "ibn", "dos", "das", "di", "le",
    "du", "ter", "ten", "y",
];
/// Capitalised function words that never continue a name.
#[rustfmt::skip]
pub(super) const FUNCTION: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "from", "by", "is", "was",
    "has", "had", "he", "she", "they", "we", "i", "it", "his", "her", "our", "their", "my", "this", "that", "if",
    "so", "not", "no", "yes", "any", "all", "who", "what", "when", "where", "why", "how", "thanks", "hi", "hello",
    "dear", "please",
];
/// Verbs that follow a person (used for multi-word names without other context).
#[rustfmt::skip]
pub(super) const PERSON_VERBS: &[&str] = &[
    "died", "passed", "taught", "fell", "refused", "refuses", "told", "asked", "asks", "wants", "wanted", "said",
    "says", "lives", "lived", "keeps", "kept", "declined", "insists", "insisted", "was admitted", "was discharged",
    "is refusing", "has been", "called", "texted", "emailed", "phoned", "visited", "cried", "smiled", "thanked",
    "was found", "was seen", "complained", "complains", "denies", "denied", "wandered", "wanders", "screamed",
    "shouted", "pulled out", "passed away", "is asking", "keeps asking", "was transferred", "has dementia",
];
/// Identifier labels right after a name ("Durnin, MRN 0848578").
#[rustfmt::skip]
pub(super) const ID_AFTER: &[&str] = &[
    "mrn", "dob", "d.o.b", "mr#", "nhs", "hospital number", "id", "ssn", "medicare", "chart", "bed", "room", "rm",
    "bay",
];
