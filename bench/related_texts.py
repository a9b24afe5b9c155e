"""Short news-style texts written for this bench (invented events, people and figures), with
the claims they carry and the relations a careful editor would draw between them.

Each claim names its source, its speaker (a key of ``SPEAKERS``), its kind, its cue and its
text, which stands in the source's text. Relations are ``(from, to, type)`` over claim keys.
"""

SPEAKERS = {
    "marsh": {
        "name": "Elena Marsh",
        "kind": "person",
        "affiliation": "Varna regional government",
        "aliases": ["Governor Marsh"],
    },
    "interior": {
        "name": "Interior Ministry",
        "kind": "organization",
        "affiliation": None,
        "aliases": [],
    },
    "grant": {
        "name": "Paula Grant",
        "kind": "person",
        "affiliation": "Infrastructure Ministry",
        "aliases": ["Infrastructure Minister Paula Grant"],
    },
    "engineers": {
        "name": "Engineers at the Varna dam",
        "kind": "group",
        "affiliation": None,
        "aliases": [],
    },
    "reyes": {"name": "Tomas Reyes", "kind": "person", "affiliation": "Opposition", "aliases": []},
    "familiar": {
        "name": "People familiar with the matter",
        "kind": "group",
        "affiliation": None,
        "aliases": [],
    },
    "vw": {"name": "Volkswagen", "kind": "organization", "affiliation": None, "aliases": ["VW"]},
    "bergmann": {
        "name": "Walter Bergmann",
        "kind": "person",
        "affiliation": "Volkswagen",
        "aliases": [],
    },
    "council": {
        "name": "Volkswagen works council",
        "kind": "group",
        "affiliation": None,
        "aliases": [],
    },
    "nandi": {"name": "Priya Nandi", "kind": "person", "affiliation": None, "aliases": []},
    "haddad": {
        "name": "Amir Haddad",
        "kind": "person",
        "affiliation": "Ministry of Health",
        "aliases": ["Health Minister Amir Haddad"],
    },
    "lindqvist": {
        "name": "Sofia Lindqvist",
        "kind": "person",
        "affiliation": "Doctors' union",
        "aliases": [],
    },
    "herald": {
        "name": "The Daily Herald",
        "kind": "organization",
        "affiliation": None,
        "aliases": [],
    },
    "health": {
        "name": "Ministry of Health",
        "kind": "organization",
        "affiliation": None,
        "aliases": ["The ministry"],
    },
}

SOURCES = {
    "flood1": {
        "title": "Floods in Varna valley kill 186, governor says",
        "publisher": "The Courier",
        "published_at": "2026-03-02",
        "text": (
            "Flooding in the Varna valley has killed 186 people, regional governor Elena Marsh "
            "said on Monday, the deadliest disaster in the province in decades.\n\n"
            "\u201cWe have recovered 186 bodies and the search is not over,\u201d Marsh told "
            "reporters in Kestrel.\n\n"
            "Opposition leader Tomas Reyes said the government had ignored warnings about the "
            "dam for years.\n\n"
            "\u201cThe dam was inspected last spring and it was safe,\u201d Infrastructure "
            "Minister Paula Grant said."
        ),
    },
    "flood2": {
        "title": "Ministry puts Varna flood toll at 97",
        "publisher": "The Evening Post",
        "published_at": "2026-03-03",
        "text": (
            "The Interior Ministry said on Tuesday that 97 people died in the Varna valley "
            "floods, far fewer than the figure announced by the regional governor.\n\n"
            "Infrastructure Minister Paula Grant insisted the dam had passed its last "
            "inspection and was safe.\n\n"
            "Engineers at the site said the dam was not safe and had been leaking for "
            "months.\n\n"
            "\u201cNobody warned us about the dam,\u201d Grant said."
        ),
    },
    "jobs1": {
        "title": "Volkswagen to cut 10,000 German jobs",
        "publisher": "The Ledger",
        "published_at": "2026-05-14",
        "text": (
            "Volkswagen plans to cut 10,000 jobs at its German plants over the next three "
            "years, two people familiar with the matter said on Thursday.\n\n"
            "Analyst Priya Nandi said the cuts were needed to pay for the shift to electric "
            "cars."
        ),
    },
    "jobs2": {
        "title": "Volkswagen denies job cut plan",
        "publisher": "The Tribune",
        "published_at": "2026-05-15",
        "text": (
            "Volkswagen on Friday denied that it plans to cut 10,000 jobs in Germany, calling "
            "the reports speculation.\n\n"
            "\u201cThere is no plan to close any German plant,\u201d chief executive Walter "
            "Bergmann told staff.\n\n"
            "The works council said it had been told about cuts of ten thousand jobs at a "
            "meeting last month."
        ),
    },
    "vaccine1": {
        "title": "Minister backs measles vaccine for young children",
        "publisher": "The Observer",
        "published_at": "2026-09-06",
        "text": (
            "Health Minister Amir Haddad said on Sunday that the new measles vaccine is safe "
            "for children under five.\n\n"
            "\u201cWe have seen no serious side effects in 40,000 doses,\u201d Haddad said.\n\n"
            "Doctors\u2019 union leader Sofia Lindqvist said the vaccine had not been tested on "
            "children under five."
        ),
    },
    "vaccine2": {
        "title": "Leaked report lists vaccine side effects",
        "publisher": "The Daily Herald",
        "published_at": "2026-09-09",
        "text": (
            "Health Minister Amir Haddad told parliament that the measles vaccine was safe for "
            "young children.\n\n"
            "A leaked ministry report seen by The Daily Herald found 12 serious side effects "
            "among 4,000 doses.\n\n"
            "The ministry dismissed the report as incomplete."
        ),
    },
}

P, Q = "paraphrase", "direct_quote"
CLAIMS = {
    "a1": (
        "flood1",
        "marsh",
        P,
        "said",
        "Flooding in the Varna valley has killed 186 people, regional governor Elena Marsh "
        "said on Monday",
    ),
    "a2": (
        "flood1",
        "marsh",
        Q,
        "told reporters",
        "We have recovered 186 bodies and the search is not over,",
    ),
    "a3": (
        "flood1",
        "reyes",
        P,
        "said",
        "Opposition leader Tomas Reyes said the government had ignored warnings about the "
        "dam for years.",
    ),
    "a4": ("flood1", "grant", Q, "said", "The dam was inspected last spring and it was safe,"),
    "b1": (
        "flood2",
        "interior",
        P,
        "said",
        "The Interior Ministry said on Tuesday that 97 people died in the Varna valley "
        "floods, far fewer than the figure announced by the regional governor.",
    ),
    "b2": (
        "flood2",
        "grant",
        P,
        "insisted",
        "Infrastructure Minister Paula Grant insisted the dam had passed its last "
        "inspection and was safe.",
    ),
    "b3": (
        "flood2",
        "engineers",
        P,
        "said",
        "Engineers at the site said the dam was not safe and had been leaking for months.",
    ),
    "b4": ("flood2", "grant", Q, "said", "Nobody warned us about the dam,"),
    "c1": (
        "jobs1",
        "familiar",
        P,
        "said",
        "Volkswagen plans to cut 10,000 jobs at its German plants over the next three "
        "years, two people familiar with the matter said on Thursday.",
    ),
    "c2": (
        "jobs1",
        "nandi",
        P,
        "said",
        "Analyst Priya Nandi said the cuts were needed to pay for the shift to electric cars.",
    ),
    "d1": (
        "jobs2",
        "vw",
        P,
        "denied",
        "Volkswagen on Friday denied that it plans to cut 10,000 jobs in Germany, calling "
        "the reports speculation.",
    ),
    "d2": ("jobs2", "bergmann", Q, "told staff", "There is no plan to close any German plant,"),
    "d3": (
        "jobs2",
        "council",
        P,
        "said",
        "The works council said it had been told about cuts of ten thousand jobs at a "
        "meeting last month.",
    ),
    "e1": (
        "vaccine1",
        "haddad",
        P,
        "said",
        "Health Minister Amir Haddad said on Sunday that the new measles vaccine is safe "
        "for children under five.",
    ),
    "e2": (
        "vaccine1",
        "haddad",
        Q,
        "said",
        "We have seen no serious side effects in 40,000 doses,",
    ),
    "e3": (
        "vaccine1",
        "lindqvist",
        P,
        "said",
        "Doctors\u2019 union leader Sofia Lindqvist said the vaccine had not been tested on "
        "children under five.",
    ),
    "f1": (
        "vaccine2",
        "haddad",
        P,
        "told parliament",
        "Health Minister Amir Haddad told parliament that the measles vaccine was safe for "
        "young children.",
    ),
    "f2": (
        "vaccine2",
        "herald",
        P,
        "found",
        "A leaked ministry report seen by The Daily Herald found 12 serious side effects "
        "among 4,000 doses.",
    ),
    "f3": (
        "vaccine2",
        "health",
        P,
        "dismissed",
        "The ministry dismissed the report as incomplete.",
    ),
}

RELATIONS = [
    ("b1", "a1", "contradicts"),
    ("b1", "a2", "contradicts"),
    ("a2", "a1", "supports"),
    ("b2", "a4", "repeats"),
    ("b3", "a4", "contradicts"),
    ("b3", "b2", "contradicts"),
    ("b4", "a3", "contradicts"),
    ("d1", "c1", "contradicts"),
    ("d3", "c1", "supports"),
    ("d2", "d1", "supports"),
    ("f1", "e1", "repeats"),
    ("e3", "e1", "contradicts"),
    ("f2", "e2", "contradicts"),
    ("f3", "f2", "contradicts"),
]
