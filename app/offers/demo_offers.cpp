#include "demo_offers.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <random>

namespace quartier::offers {

namespace {

struct DemoSpace {
    const char* key;
    const char* name;
    const char* region;
    const char* outline;
};

// The four spaces of the 2013 framework; the region border runs west to east (Buchenweg,
// Deckerberg, Knickweg, Glasmoor), each region split in two. The outlines are schematic.
constexpr DemoSpace kSpaces[] = {
    {"fg", "Friedrichsgabe/Harksheide-Nord", "Nord", "0.06,0.06 0.56,0.03 0.5,0.5 0.04,0.46"},
    {"hm", "Harksheide-Mitte", "Nord", "0.56,0.03 0.94,0.1 0.96,0.44 0.5,0.5"},
    {"ga", "Garstedt", "Süd", "0.04,0.46 0.5,0.5 0.46,0.97 0.08,0.9"},
    {"gl", "Glashütte/Harksheide-Süd", "Süd", "0.5,0.5 0.96,0.44 0.9,0.92 0.46,0.97"},
};

struct DemoOrg {
    const char* key;
    const char* name;
    OrgKind kind;
    const char* address;
    const char* phone;
    const char* email;
    const char* website;
};

constexpr DemoOrg kOrgs[] = {
    {"okja", "Stadt Norderstedt – Offene Kinder- und Jugendarbeit", OrgKind::Public, "Rathausallee 50, 22846 Norderstedt",
     "040 555 0100", "jugendarbeit@norderstedt.example.org", "https://jugend.norderstedt.example.org"},
    {"fruehe", "Stadt Norderstedt – Frühe Hilfen", OrgKind::Public, "Rathausallee 50, 22846 Norderstedt",
     "040 555 0110", "fruehehilfen@norderstedt.example.org", ""},
    {"schulen", "Stadt Norderstedt – Schulverwaltung", OrgKind::Public, "Rathausallee 50, 22846 Norderstedt",
     "040 555 0120", "schulen@norderstedt.example.org", ""},
    {"fabi", "Familienbildung im Quartier e.V.", OrgKind::Free, "Ochsenzoller Straße 140, 22848 Norderstedt",
     "040 555 0200", "kontakt@fabi-quartier.example.org", "https://fabi-quartier.example.org"},
    {"licht", "Beratungsstelle Lichtblick e.V.", OrgKind::Free, "Europaallee 22, 22850 Norderstedt", "040 555 0210",
     "team@lichtblick-beratung.example.org", "https://lichtblick-beratung.example.org"},
    {"bruecke", "Jugendhilfe Brückenschlag gGmbH", OrgKind::Free, "Ulzburger Straße 310, 22846 Norderstedt",
     "040 555 0220", "info@brueckenschlag.example.org", "https://brueckenschlag.example.org"},
    {"nachbar", "Nachbarschaftshilfe Garstedt e.V.", OrgKind::Free, "Marktplatz 3, 22850 Norderstedt", "040 555 0230",
     "hallo@nachbarschaft-garstedt.example.org", ""},
    {"kinderhaus", "Kinderhaus Regenbogen gGmbH", OrgKind::Free, "Friedrichsgaber Weg 88, 22846 Norderstedt",
     "040 555 0240", "verwaltung@kinderhaus-regenbogen.example.org", "https://kinderhaus-regenbogen.example.org"},
    {"migra", "Ankommen in Norderstedt e.V.", OrgKind::Free, "Kohfurth 5, 22850 Norderstedt", "040 555 0250",
     "beratung@ankommen.example.org", ""},
    {"moorbek", "Ev.-Luth. Kirchengemeinde Am Moorbek", OrgKind::Church, "Moorbekstraße 12, 22846 Norderstedt",
     "040 555 0300", "buero@kirche-moorbek.example.org", ""},
    {"annen", "Katholische Familienhilfe St. Annen", OrgKind::Church, "Glashütter Damm 210, 22851 Norderstedt",
     "040 555 0310", "familienhilfe@st-annen.example.org", ""},
    {"lebensbaum", "Trauerbegleitung Lebensbaum e.V.", OrgKind::Free, "Falkenbergstraße 9, 22844 Norderstedt",
     "040 555 0260", "kontakt@lebensbaum-trauer.example.org", ""},
    {"tus", "TuS Harksheide-Nord von 1921 e.V.", OrgKind::Club, "Harkshörner Weg 60, 22844 Norderstedt",
     "040 555 0400", "geschaeftsstelle@tus-harksheide-nord.example.org", "https://tus-harksheide-nord.example.org"},
    {"svg", "SV Glashütte-Süd e.V.", OrgKind::Club, "Poppenbütteler Straße 180, 22851 Norderstedt", "040 555 0410",
     "info@sv-glashuette-sued.example.org", ""},
    {"schwimm", "Schwimmfreunde Norderstedt e.V.", OrgKind::Club, "Buckhörner Moor 100, 22846 Norderstedt",
     "040 555 0420", "kurse@schwimmfreunde.example.org", ""},
    {"musik", "Musikwerkstatt am Stadtpark e.V.", OrgKind::Club, "Stormarnstraße 55, 22844 Norderstedt", "040 555 0430",
     "anmeldung@musikwerkstatt.example.org", ""},
};

struct DemoOffer {
    const char* name;
    const char* org;
    Category category;
    const char* space;
    const char* description;
    const char* place;
    const char* address;
    const char* times;
    int age_min;  // -1: none
    int age_max;
    Cost cost;
    const char* cost_note;
    Access access;
    const char* phone;  // "": the provider's
    const char* languages;
    const char* inclusion;
    int verified_days_ago;
};

constexpr DemoOffer kOffers[] = {
    // --- Friedrichsgabe/Harksheide-Nord ---
    {"Fußball für Kinder (F- und E-Jugend)", "tus", Category::Sports, "fg",
     "Training in kleinen Gruppen, Spaß vor Leistung. Schnuppern ist jederzeit möglich, Schuhe können geliehen werden.",
     "Sportplatz Harkshörner Weg", "Harkshörner Weg 60, 22844 Norderstedt", "Di und Do 16:30–18:00 Uhr", 6, 10, Cost::Low,
     "Mitgliedsbeitrag 8 € im Monat, über Bildung und Teilhabe erstattungsfähig", Access::LowThreshold, "", "Deutsch, Englisch",
     "Ein Trainer ist erfahren mit Kindern im Autismus-Spektrum; feste Abläufe und eine ruhige Ecke am Platz.", 40},
    {"Mädchenfußball", "tus", Category::Sports, "fg",
     "Eigene Mädchenmannschaft mit Trainerin. Kein Vorwissen nötig.", "Sportplatz Harkshörner Weg",
     "Harkshörner Weg 60, 22844 Norderstedt", "Mi 17:00–18:30 Uhr", 9, 14, Cost::Low, "8 € im Monat, erste vier Wochen frei",
     Access::LowThreshold, "", "Deutsch", "", 120},
    {"Eltern-Kind-Turnen", "tus", Category::Sports, "fg",
     "Bewegungslandschaft für die Kleinsten mit einem Elternteil.", "Sporthalle Lawaetzstraße",
     "Lawaetzstraße 4, 22844 Norderstedt", "Sa 9:30–10:30 Uhr", 1, 4, Cost::Low, "30 € im Halbjahr", Access::Registration, "",
     "Deutsch", "Rollstuhlgerechte Halle, barrierefreies WC.", 200},
    {"Jugendtreff Nord", "okja", Category::YouthWork, "fg",
     "Offener Treff mit Kicker, Billard, Hausaufgabenecke und Koch-Abend am Freitag. Einfach vorbeikommen.",
     "Jugendtreff Nord", "Friedrichsgaber Weg 120, 22846 Norderstedt", "Mo–Fr 14:00–20:00 Uhr", 10, 21, Cost::Free, "",
     Access::LowThreshold, "040 555 0101", "Deutsch, Türkisch, Englisch",
     "Ruhiger Nebenraum; das Team spricht auch mit Gebärden die Grundlagen.", 15},
    {"Familienzentrum Friedrichsgabe", "fabi", Category::FamilyCentre, "fg",
     "Elterncafé, Beratung ohne Termin, Krabbelgruppe und Ausleihe von Spielsachen unter einem Dach.",
     "Familienzentrum Friedrichsgabe", "Friedrichsgaber Weg 90, 22846 Norderstedt", "Mo, Mi, Fr 9:00–13:00 Uhr", -1, -1,
     Cost::Free, "", Access::LowThreshold, "040 555 0201", "Deutsch, Russisch, Arabisch",
     "Kinderwagenstellplatz und Wickelraum, Zugang ebenerdig.", 30},
    {"Krabbelgruppe „Kleine Füße“", "fabi", Category::Group, "fg",
     "Treffen für Eltern mit Babys: singen, krabbeln, austauschen.", "Familienzentrum Friedrichsgabe",
     "Friedrichsgaber Weg 90, 22846 Norderstedt", "Di 10:00–11:30 Uhr", 0, 1, Cost::Free, "", Access::LowThreshold, "",
     "Deutsch", "", 30},
    {"Kita Regenbogen Nord", "kinderhaus", Category::Daycare, "fg",
     "Krippe und Elementarbereich in fünf Gruppen, naturnaher Garten, integrative Plätze.", "Kita Regenbogen Nord",
     "Friedrichsgaber Weg 88, 22846 Norderstedt", "Mo–Fr 7:00–17:00 Uhr", 1, 6, Cost::Fee,
     "Elternbeitrag nach Satzung, Ermäßigung auf Antrag", Access::Registration, "", "Deutsch, Polnisch",
     "Integrationsplätze mit heilpädagogischer Fachkraft.", 300},
    {"Grundschule Lütten Moor", "schulen", Category::School, "fg",
     "Offene Ganztagsgrundschule mit Schulsozialarbeit und Lernwerkstatt.", "Grundschule Lütten Moor",
     "Lütten Moor 30, 22846 Norderstedt", "Unterricht ab 8:00 Uhr, Ganztag bis 16:00 Uhr", 6, 10, Cost::Free,
     "Ganztag: Beitrag nach Einkommen", Access::Registration, "040 555 0121", "Deutsch", "", 400},
    {"Schulsozialarbeit Lütten Moor", "bruecke", Category::Counselling, "fg",
     "Ansprechpartnerin für Kinder, Eltern und Lehrkräfte bei Streit, Sorgen und Fragen rund um die Schule.",
     "Grundschule Lütten Moor, Raum 12", "Lütten Moor 30, 22846 Norderstedt", "Mo–Do 8:00–14:00 Uhr", 6, 10, Cost::Free, "",
     Access::LowThreshold, "040 555 0222", "Deutsch, Englisch", "", 60},
    {"Kochgruppe für Eltern", "fabi", Category::Group, "fg",
     "Eltern kochen gemeinsam günstig und gesund, die Kinder werden nebenan betreut. Entstanden auf Wunsch von Eltern.",
     "Familienzentrum Friedrichsgabe, Küche", "Friedrichsgaber Weg 90, 22846 Norderstedt", "Do 9:30–12:30 Uhr", -1, -1,
     Cost::Low, "2 € pro Termin für Zutaten", Access::LowThreshold, "", "Deutsch, Arabisch, Dari",
     "Kinderbetreuung während der Gruppe.", 20},
    {"Seniorenpatenschaften „Leihgroßeltern“", "moorbek", Category::Group, "fg",
     "Ehrenamtliche Leihomas und Leihopas verbringen regelmäßig Zeit mit Kindern aus Familien ohne Großeltern in der Nähe.",
     "Gemeindehaus Am Moorbek", "Moorbekstraße 12, 22846 Norderstedt", "nach Absprache", 2, 12, Cost::Free, "",
     Access::Registration, "", "Deutsch", "", 500},
    {"Musikalische Früherziehung", "musik", Category::Culture, "fg",
     "Singen, Tanzen, erste Instrumente in kleinen Gruppen.", "Musikwerkstatt, Außenstelle Nord",
     "Friedrichsgaber Weg 140, 22846 Norderstedt", "Mo 15:00–15:45 Uhr", 4, 6, Cost::Fee, "24 € im Monat, Sozialrabatt möglich",
     Access::Registration, "", "Deutsch", "", 150},
    {"Sozialpädagogische Familienhilfe Nord", "bruecke", Category::Counselling, "fg",
     "Unterstützung im Familienalltag zu Hause nach § 31 SGB VIII, mit dem Jugendamt im Hilfeplan vereinbart.",
     "bei der Familie zu Hause", "Ulzburger Straße 310, 22846 Norderstedt", "nach Vereinbarung", -1, -1, Cost::Free, "",
     Access::HelpPlan, "", "Deutsch, Türkisch, Englisch", "", 90},
    {"Hebammensprechstunde", "fruehe", Category::Health, "fg",
     "Offene Sprechstunde für Schwangere und junge Eltern: Stillen, Schlafen, Schreien.", "Familienzentrum Friedrichsgabe",
     "Friedrichsgaber Weg 90, 22846 Norderstedt", "Mi 10:00–12:00 Uhr", 0, 1, Cost::Free, "", Access::LowThreshold,
     "040 555 0111", "Deutsch, Englisch", "", 45},
    {"Schwimmkurs Seepferdchen", "schwimm", Category::Sports, "fg",
     "Anfängerschwimmkurs über zehn Termine mit Abzeichen.", "Arriba Erlebnisbad, Lehrbecken",
     "Am Hallenbad 14, 22850 Norderstedt", "Fr 15:00–15:45 Uhr", 5, 8, Cost::Fee, "95 € pro Kurs, Bildung und Teilhabe möglich",
     Access::Registration, "", "Deutsch", "Wartezeit etwa ein halbes Jahr.", 700},
    {"Waldgruppe „Moorbekfüchse“", "fabi", Category::Culture, "fg",
     "Draußen spielen, bauen und entdecken am Moorbek, bei jedem Wetter. Gummistiefel können geliehen werden.",
     "Treffpunkt Parkplatz Moorbekpark", "Moorbekstraße, 22846 Norderstedt", "Fr 14:30–16:30 Uhr", 5, 9, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch", "", 70},

    // --- Harksheide-Mitte ---
    {"Jugendzentrum Mitte", "okja", Category::YouthWork, "hm",
     "Offenes Haus mit Bandraum, Tonstudio, Werkstatt und Ferienprogramm.", "Jugendzentrum Mitte",
     "Rathausallee 70, 22846 Norderstedt", "Di–Sa 14:00–21:00 Uhr", 12, 21, Cost::Free, "", Access::LowThreshold,
     "040 555 0102", "Deutsch, Englisch, Kurdisch", "Aufzug ins Obergeschoss.", 10},
    {"Erziehungsberatung Lichtblick", "licht", Category::Counselling, "hm",
     "Beratung für Eltern, Kinder und Jugendliche bei Erziehungsfragen, Trennung und Krisen. Vertraulich.",
     "Beratungsstelle Lichtblick", "Europaallee 22, 22850 Norderstedt", "Mo–Fr 9:00–17:00 Uhr, Do bis 19:00 Uhr", 0, 27,
     Cost::Free, "", Access::Registration, "", "Deutsch, Englisch, Farsi",
     "Termine auch per Video; Gebärdensprachdolmetschung auf Anfrage.", 25},
    {"Offene Sprechstunde Lichtblick", "licht", Category::Counselling, "hm",
     "Ohne Termin: eine erste Einschätzung in 30 Minuten.", "Beratungsstelle Lichtblick",
     "Europaallee 22, 22850 Norderstedt", "Di 14:00–16:00 Uhr", -1, -1, Cost::Free, "", Access::LowThreshold, "",
     "Deutsch, Englisch", "", 25},
    {"Trauergruppe für Kinder „Sternenzelt“", "lebensbaum", Category::Group, "hm",
     "Kinder, die einen nahen Menschen verloren haben, treffen sich begleitet, um zu erzählen, zu malen und zu erinnern.",
     "Lebensbaum, Gruppenraum", "Falkenbergstraße 9, 22844 Norderstedt", "jeden zweiten Mi 16:00–17:30 Uhr", 6, 12,
     Cost::Free, "spendenfinanziert", Access::Registration, "", "Deutsch",
     "Vorgespräch mit den Eltern; Geschwister können gemeinsam kommen.", 60},
    {"Trauergruppe für Jugendliche", "lebensbaum", Category::Group, "hm",
     "Austausch unter Jugendlichen nach einem Verlust, begleitet von zwei Trauerbegleiterinnen.", "Lebensbaum, Gruppenraum",
     "Falkenbergstraße 9, 22844 Norderstedt", "jeden zweiten Do 17:00–18:30 Uhr", 13, 18, Cost::Free, "",
     Access::Registration, "", "Deutsch", "", 60},
    {"Handballabteilung Jugend", "tus", Category::Sports, "hm",
     "Handball für Jungen und Mädchen in altersgemischten Gruppen.", "Sporthalle Moorbek",
     "Moorbekstraße 30, 22846 Norderstedt", "Mo und Mi 17:00–18:30 Uhr", 8, 16, Cost::Low, "8 € im Monat",
     Access::LowThreshold, "", "Deutsch", "", 250},
    {"Kita Moorbekzwerge", "moorbek", Category::Daycare, "hm", "Evangelische Kita mit drei Elementargruppen und Familiencafé.",
     "Kita Moorbekzwerge", "Moorbekstraße 14, 22846 Norderstedt", "Mo–Fr 7:30–16:00 Uhr", 3, 6, Cost::Fee,
     "Elternbeitrag nach Satzung", Access::Registration, "", "Deutsch", "", 350},
    {"Gemeinschaftsschule Harksheide", "schulen", Category::School, "hm",
     "Gemeinschaftsschule mit Oberstufe, Berufsorientierung und Schulsozialarbeit.", "Gemeinschaftsschule Harksheide",
     "Falkenbergstraße 25, 22844 Norderstedt", "Mo–Fr 7:45–15:30 Uhr", 10, 19, Cost::Free, "", Access::Registration,
     "040 555 0122", "Deutsch", "Inklusionsklassen mit Schulbegleitung.", 400},
    {"Hausaufgabenhilfe im Stadtteilhaus", "nachbar", Category::School, "hm",
     "Ehrenamtliche helfen bei Hausaufgaben und beim Lernen für Arbeiten.", "Stadtteilhaus Mitte",
     "Rathausallee 80, 22846 Norderstedt", "Mo–Do 14:30–16:30 Uhr", 8, 14, Cost::Free, "", Access::LowThreshold, "",
     "Deutsch, Arabisch, Ukrainisch", "", 35},
    {"Babymassage-Kurs", "fabi", Category::Health, "hm", "Fünf Treffen zur Babymassage für Eltern mit Säuglingen.",
     "Stadtteilhaus Mitte", "Rathausallee 80, 22846 Norderstedt", "Fr 10:00–11:00 Uhr", 0, 1, Cost::Low,
     "15 € für fünf Termine, ermäßigt frei", Access::Registration, "", "Deutsch", "", 180},
    {"Väter-Kind-Samstag", "fabi", Category::Group, "hm",
     "Einmal im Monat: Väter und Kinder bauen, kochen oder sind draußen unterwegs.", "Stadtteilhaus Mitte",
     "Rathausallee 80, 22846 Norderstedt", "erster Sa im Monat 10:00–13:00 Uhr", 3, 10, Cost::Free, "", Access::LowThreshold,
     "", "Deutsch", "", 75},
    {"Theaterwerkstatt für Jugendliche", "musik", Category::Culture, "hm",
     "Improvisation, Szenen schreiben, am Ende eine Aufführung im Kulturwerk.", "Kulturwerk am See",
     "Stormarnstraße 55, 22844 Norderstedt", "Di 17:00–19:00 Uhr", 13, 19, Cost::Free, "gefördert aus dem Sozialraumbudget",
     Access::LowThreshold, "", "Deutsch", "", 40},
    {"Schuldnerberatung für Familien", "annen", Category::Counselling, "hm",
     "Hilfe bei Schulden, Mahnungen und dem Haushaltsplan.", "Beratungsbüro Rathausallee",
     "Rathausallee 64, 22846 Norderstedt", "Mi 9:00–12:00 Uhr und nach Vereinbarung", -1, -1, Cost::Free, "",
     Access::Registration, "040 555 0311", "Deutsch, Polnisch", "", 220},
    {"Erziehungsbeistand Mitte", "bruecke", Category::Counselling, "hm",
     "Begleitung von Jugendlichen nach § 30 SGB VIII, vereinbart im Hilfeplan.", "Brückenschlag, Büro Mitte",
     "Rathausallee 72, 22846 Norderstedt", "nach Vereinbarung", 12, 21, Cost::Free, "", Access::HelpPlan, "", "Deutsch, Türkisch",
     "", 110},
    {"Spielplatzfest Harksheide", "okja", Category::YouthWork, "hm",
     "Spielmobil mit Hüpfburg, Kinderschminken und Bastelständen.", "Spielplatz Willy-Brandt-Park",
     "Rathausallee, 22846 Norderstedt", "Juni bis September, Mi 15:00–18:00 Uhr", 3, 12, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch", "Ebene Wege, für Rollstühle befahrbar.", 420},
    {"Elternkurs „Starke Eltern – starke Kinder“", "licht", Category::FamilyCentre, "hm",
     "Acht Abende zu Grenzen setzen, Streit lösen und Auszeiten.", "Beratungsstelle Lichtblick",
     "Europaallee 22, 22850 Norderstedt", "Di 19:00–21:00 Uhr", -1, -1, Cost::Low, "40 €, ermäßigt 10 €",
     Access::Registration, "", "Deutsch", "Kinderbetreuung auf Anfrage.", 160},

    // --- Garstedt ---
    {"Jugendhaus Garstedt", "okja", Category::YouthWork, "ga",
     "Treff mit Boxraum, Fahrradwerkstatt und Mädchentag am Mittwoch.", "Jugendhaus Garstedt",
     "Ochsenzoller Straße 150, 22848 Norderstedt", "Mo–Fr 13:00–20:00 Uhr", 10, 21, Cost::Free, "", Access::LowThreshold,
     "040 555 0103", "Deutsch, Türkisch, Arabisch, Englisch", "", 12},
    {"Mädchentreff Garstedt", "okja", Category::YouthWork, "ga", "Nur für Mädchen: reden, kochen, Ausflüge planen.",
     "Jugendhaus Garstedt", "Ochsenzoller Straße 150, 22848 Norderstedt", "Mi 15:00–19:00 Uhr", 10, 17, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch, Türkisch, Arabisch", "", 12},
    {"Familienzentrum Garstedt", "nachbar", Category::FamilyCentre, "ga",
     "Elterncafé mit Frühstück, Sozialberatung, Kleiderkammer und Sprachcafé.", "Familienzentrum am Marktplatz",
     "Marktplatz 3, 22850 Norderstedt", "Mo–Fr 9:00–14:00 Uhr", -1, -1, Cost::Free, "", Access::LowThreshold, "",
     "Deutsch, Arabisch, Türkisch, Russisch", "Räume ebenerdig, Spielecke.", 20},
    {"Sprachcafé für Mütter", "migra", Category::Group, "ga",
     "Deutsch üben beim Kaffee, Kinder spielen nebenan.", "Familienzentrum am Marktplatz", "Marktplatz 3, 22850 Norderstedt",
     "Di 9:30–11:00 Uhr", -1, -1, Cost::Free, "", Access::LowThreshold, "", "Deutsch, Arabisch, Dari, Ukrainisch",
     "Kinderbetreuung vor Ort.", 50},
    {"Migrationsberatung für Familien", "migra", Category::Counselling, "ga",
     "Beratung zu Aufenthalt, Anträgen, Schule und Kita, auf Wunsch mit Dolmetschung.", "Ankommen e.V., Beratungsbüro",
     "Kohfurth 5, 22850 Norderstedt", "Mo und Do 9:00–16:00 Uhr", -1, -1, Cost::Free, "", Access::Registration, "",
     "Deutsch, Arabisch, Farsi, Ukrainisch, Englisch", "", 70},
    {"Kita Regenbogen Garstedt", "kinderhaus", Category::Daycare, "ga",
     "Kita mit Krippe, zwei Elementargruppen und Sprachförderung.", "Kita Regenbogen Garstedt",
     "Kohfurth 20, 22850 Norderstedt", "Mo–Fr 7:00–17:00 Uhr", 1, 6, Cost::Fee, "Elternbeitrag nach Satzung",
     Access::Registration, "", "Deutsch, Türkisch", "Integrationsplätze.", 280},
    {"Grundschule Garstedter Feld", "schulen", Category::School, "ga",
     "Grundschule mit DaZ-Klasse und offenem Ganztag.", "Grundschule Garstedter Feld",
     "Ochsenzoller Straße 100, 22848 Norderstedt", "Mo–Fr 8:00–16:00 Uhr", 6, 10, Cost::Free, "", Access::Registration,
     "040 555 0123", "Deutsch", "", 400},
    {"Boxen gegen Gewalt", "okja", Category::Sports, "ga",
     "Boxtraining mit Regeln, Respekt und Gesprächen über Konflikte.", "Jugendhaus Garstedt, Boxraum",
     "Ochsenzoller Straße 150, 22848 Norderstedt", "Di und Fr 17:00–18:30 Uhr", 12, 18, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch", "", 30},
    {"Fußball-AG im Park", "okja", Category::Sports, "ga",
     "Offenes Kicken ohne Verein: wer kommt, spielt mit.", "Bolzplatz Herold-Center-Park",
     "Berliner Allee, 22850 Norderstedt", "Sa 11:00–13:00 Uhr", 8, 16, Cost::Free, "", Access::LowThreshold, "",
     "Deutsch", "", 14},
    {"Stillgruppe Garstedt", "fruehe", Category::Health, "ga", "Treffen für stillende Mütter mit Hebamme.",
     "Familienzentrum am Marktplatz", "Marktplatz 3, 22850 Norderstedt", "Do 10:00–11:30 Uhr", 0, 1, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch, Englisch", "", 80},
    {"Willkommensbesuch für Neugeborene", "fruehe", Category::Health, "ga",
     "Eine Fachkraft besucht auf Wunsch Familien mit Neugeborenen und bringt Infos zu Angeboten mit.",
     "bei der Familie zu Hause", "Rathausallee 50, 22846 Norderstedt", "nach Vereinbarung", 0, 0, Cost::Free, "",
     Access::Registration, "040 555 0112", "Deutsch, Englisch, Türkisch", "", 95},
    {"Soziale Gruppenarbeit Garstedt", "bruecke", Category::Group, "ga",
     "Gruppe für Kinder mit Schwierigkeiten in Schule und Freundschaften, nach § 29 SGB VIII.", "Brückenschlag, Gruppenraum",
     "Ochsenzoller Straße 160, 22848 Norderstedt", "Mo und Do 14:00–17:00 Uhr", 8, 12, Cost::Free, "", Access::HelpPlan,
     "", "Deutsch", "Kleine Gruppe mit acht Plätzen.", 130},
    {"Nähwerkstatt für Eltern", "nachbar", Category::Culture, "ga",
     "Kleidung reparieren und nähen, Maschinen sind da.", "Familienzentrum am Marktplatz", "Marktplatz 3, 22850 Norderstedt",
     "Mi 18:00–20:00 Uhr", -1, -1, Cost::Low, "1 € pro Abend", Access::LowThreshold, "", "Deutsch, Türkisch", "", 365},
    {"Ferienfreizeit an der Ostsee", "annen", Category::YouthWork, "ga",
     "Eine Woche Zeltlager in den Sommerferien mit Betreuerteam.", "Abfahrt Gemeindehaus St. Annen",
     "Glashütter Damm 210, 22851 Norderstedt", "Sommerferien, 7 Tage", 8, 13, Cost::Fee,
     "180 €, Zuschuss über Bildung und Teilhabe und Gemeinde möglich", Access::Registration, "", "Deutsch", "", 240},
    {"Familienhebamme Garstedt", "fruehe", Category::Health, "ga",
     "Aufsuchende Begleitung bis zum ersten Geburtstag für Familien in belasteten Lebenslagen.", "bei der Familie zu Hause",
     "Rathausallee 50, 22846 Norderstedt", "nach Vereinbarung", 0, 1, Cost::Free, "", Access::Registration, "040 555 0113",
     "Deutsch, Arabisch", "", 55},

    {"Kindertagespflege-Vermittlung", "kinderhaus", Category::Daycare, "ga",
     "Vermittlung von Tagesmüttern und Tagesvätern für Kinder unter drei Jahren, auch zu Randzeiten.",
     "Kinderhaus Regenbogen, Büro Garstedt", "Kohfurth 20, 22850 Norderstedt", "Di 9:00–12:00 Uhr, Do 14:00–17:00 Uhr", 0, 3,
     Cost::Fee, "Elternbeitrag nach Satzung, Ermäßigung auf Antrag", Access::Registration, "", "Deutsch, Türkisch", "", 120},
    {"Erziehungsberatung im Familienzentrum Garstedt", "licht", Category::Counselling, "ga",
     "Eine Beraterin von Lichtblick ist einmal pro Woche vor Ort – ohne Termin, auch mit Kinderwagen.",
     "Familienzentrum am Marktplatz", "Marktplatz 3, 22850 Norderstedt", "Mo 9:30–12:00 Uhr", -1, -1, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch, Arabisch", "Dolmetschung für Arabisch vor Ort.", 28},

    // --- Glashütte/Harksheide-Süd ---
    {"Fußballschule SV Glashütte-Süd", "svg", Category::Sports, "gl",
     "Fußballtraining für Anfängerinnen und Anfänger in festen Gruppen.", "Sportplatz Poppenbütteler Straße",
     "Poppenbütteler Straße 180, 22851 Norderstedt", "Mo und Mi 16:00–17:30 Uhr", 5, 12, Cost::Low,
     "6 € im Monat, Geschwister frei", Access::LowThreshold, "", "Deutsch, Polnisch",
     "Inklusive Gruppe: Kinder mit und ohne Behinderung trainieren zusammen.", 35},
    {"Judo für Kinder", "svg", Category::Sports, "gl", "Fallen lernen, Regeln achten, Selbstvertrauen stärken.",
     "Sporthalle Glashütte", "Glashütter Damm 240, 22851 Norderstedt", "Do 16:00–17:00 Uhr", 6, 12, Cost::Low, "8 € im Monat",
     Access::LowThreshold, "", "Deutsch", "", 190},
    {"Kinder- und Jugendtreff Glashütte", "okja", Category::YouthWork, "gl",
     "Offener Treff mit Spielen, Kochen und Ausflügen in den Ferien.", "Treff Glashütte",
     "Glashütter Damm 260, 22851 Norderstedt", "Mo–Fr 14:00–19:00 Uhr", 8, 18, Cost::Free, "", Access::LowThreshold,
     "040 555 0104", "Deutsch, Englisch", "", 18},
    {"Familienzentrum Glashütte", "annen", Category::FamilyCentre, "gl",
     "Eltern-Kind-Gruppen, Familienfrühstück, Beratung und ein offener Garten.", "Familienzentrum St. Annen",
     "Glashütter Damm 210, 22851 Norderstedt", "Mo–Do 9:00–15:00 Uhr", -1, -1, Cost::Free, "", Access::LowThreshold, "",
     "Deutsch, Polnisch", "Ebenerdig, Rampe am Seiteneingang.", 45},
    {"Kita St. Annen", "annen", Category::Daycare, "gl", "Katholische Kita mit Krippe und Elementarbereich.",
     "Kita St. Annen", "Glashütter Damm 212, 22851 Norderstedt", "Mo–Fr 7:00–16:30 Uhr", 1, 6, Cost::Fee,
     "Elternbeitrag nach Satzung", Access::Registration, "", "Deutsch", "", 310},
    {"Grundschule Glashütte", "schulen", Category::School, "gl", "Offene Ganztagsschule mit Schulgarten und Schulhund.",
     "Grundschule Glashütte", "Glashütter Damm 300, 22851 Norderstedt", "Mo–Fr 8:00–15:30 Uhr", 6, 10, Cost::Free, "",
     Access::Registration, "040 555 0124", "Deutsch", "", 400},
    {"Lerntreff Harksheide-Süd", "nachbar", Category::School, "gl", "Nachhilfe in Mathe, Deutsch und Englisch durch Studierende.",
     "Bürgerhaus Harksheide-Süd", "Segeberger Chaussee 40, 22850 Norderstedt", "Di und Do 15:00–17:00 Uhr", 10, 16,
     Cost::Low, "2 € pro Termin", Access::Registration, "", "Deutsch, Englisch", "", 140},
    {"Alleinerziehenden-Treff", "fabi", Category::Group, "gl",
     "Austausch, Tipps und gemeinsame Ausflüge für Alleinerziehende, Kinderbetreuung inklusive.", "Bürgerhaus Harksheide-Süd",
     "Segeberger Chaussee 40, 22850 Norderstedt", "jeden zweiten Sa 10:00–12:00 Uhr", -1, -1, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch", "", 65},
    {"Suchtberatung für Jugendliche und Eltern", "licht", Category::Counselling, "gl",
     "Beratung zu Alkohol, Cannabis, Medien und Glücksspiel, anonym möglich.", "Lichtblick, Außenstelle Süd",
     "Segeberger Chaussee 44, 22850 Norderstedt", "Mi 14:00–18:00 Uhr", 12, 27, Cost::Free, "", Access::LowThreshold, "",
     "Deutsch, Russisch", "", 85},
    {"Aufsuchende Familientherapie", "bruecke", Category::Counselling, "gl",
     "Systemische Therapie in der Familie nach § 27 SGB VIII, vereinbart im Hilfeplan.", "bei der Familie zu Hause",
     "Ulzburger Straße 310, 22846 Norderstedt", "nach Vereinbarung", -1, -1, Cost::Free, "", Access::HelpPlan, "",
     "Deutsch, Englisch", "", 100},
    {"Kinderchor Glashütte", "musik", Category::Culture, "gl", "Singen in zwei Altersgruppen, Auftritte im Advent.",
     "Gemeindehaus St. Annen", "Glashütter Damm 210, 22851 Norderstedt", "Fr 16:00–17:00 Uhr", 5, 12, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch", "", 210},
    {"Schwimmen für Mädchen und Frauen", "schwimm", Category::Sports, "gl",
     "Schwimmzeit nur für Mädchen und Frauen mit weiblichem Aufsichtspersonal.", "Hallenbad Glashütte",
     "Glashütter Damm 280, 22851 Norderstedt", "So 8:00–10:00 Uhr", 10, 99, Cost::Low, "3 € Eintritt",
     Access::LowThreshold, "", "Deutsch, Arabisch, Türkisch", "", 260},
    {"Eltern-Kind-Gruppe „Sandkasten“", "annen", Category::Group, "gl", "Spielen, singen und Kontakte knüpfen.",
     "Familienzentrum St. Annen", "Glashütter Damm 210, 22851 Norderstedt", "Mo 9:30–11:00 Uhr", 1, 3, Cost::Free, "",
     Access::LowThreshold, "", "Deutsch", "", 45},
    {"Tafel-Ausgabe für Familien", "annen", Category::Health, "gl", "Lebensmittelausgabe mit Nachweis, Familien zuerst.",
     "Gemeindehaus St. Annen", "Glashütter Damm 210, 22851 Norderstedt", "Sa 10:00–12:00 Uhr", -1, -1, Cost::Low,
     "1 € pro Einkauf", Access::Registration, "", "Deutsch", "", 600},
    {"Medienprojekt „Clip dein Viertel“", "okja", Category::Culture, "gl",
     "Jugendliche drehen kurze Filme über ihren Stadtteil.", "Treff Glashütte", "Glashütter Damm 260, 22851 Norderstedt",
     "Herbstferien, täglich 10:00–15:00 Uhr", 12, 17, Cost::Free, "", Access::Registration, "", "Deutsch", "", 330},
    {"Beratung bei Trennung und Scheidung", "licht", Category::Counselling, "gl",
     "Für Eltern, die sich trennen: Umgang, Absprachen und wie man es den Kindern sagt.", "Lichtblick, Außenstelle Süd",
     "Segeberger Chaussee 44, 22850 Norderstedt", "Di 9:00–13:00 Uhr und nach Vereinbarung", -1, -1, Cost::Free, "",
     Access::Registration, "", "Deutsch, Englisch, Polnisch", "", 150},
};

// Demo answers "what is missing, in your view?" as the case side records them (service_feedback,
// status missing_wanted): per space key and category, how many families named it.
struct DemoGap {
    const char* space;
    Category category;
    int count;
};
constexpr DemoGap kGaps[] = {
    {"fg", Category::YouthWork, 3}, {"fg", Category::Counselling, 1}, {"hm", Category::Group, 2},
    {"ga", Category::Daycare, 6},   {"ga", Category::Sports, 2},      {"ga", Category::Group, 3},
    {"gl", Category::YouthWork, 4}, {"gl", Category::Health, 1},
};

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

std::optional<sys_days> parse_iso(std::string_view iso)
{
    if (!valid_date(iso))
        return std::nullopt;
    const int y = std::stoi(std::string(iso.substr(0, 4)));
    const unsigned m = unsigned(std::stoi(std::string(iso.substr(5, 2))));
    const unsigned d = unsigned(std::stoi(std::string(iso.substr(8, 2))));
    return sys_days(year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

std::string format_iso(sys_days day)
{
    const year_month_day ymd(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buf;
}

std::optional<int> age(int v) { return v < 0 ? std::nullopt : std::optional<int>(v); }

Result<void> commit(sync::Writer& writer)
{
    if (auto r = writer.commit(); !r)
        return {Error::Store, std::string(sync::to_string(r.error())) + ": " + r.detail()};
    return {};
}

}  // namespace

std::string days_before(std::string_view iso, int n)
{
    const auto day = parse_iso(iso);
    return day ? format_iso(*day - days(n)) : std::string();
}

std::vector<SocialSpace> norderstedt_social_spaces()
{
    std::vector<SocialSpace> out;
    for (const DemoSpace& s : kSpaces)
        out.push_back({{}, s.name, s.region, parse_outline(s.outline).value_or(std::vector<Point>{})});
    return out;
}

Result<DemoSummary> seed_demo_offers(sync::Store& store, std::string_view today)
{
    if (!store.list(kSocialSpaceType).empty())
        return {Error::Invalid, "the store already holds social spaces"};
    if (!valid_date(today))
        return {Error::Invalid, "today: invalid_date"};
    DemoSummary summary;
    sync::Writer writer(store);
    std::map<std::string, std::string> spaces, orgs;  // demo key -> record id
    Catalogue catalogue;
    const std::vector<SocialSpace> data = norderstedt_social_spaces();
    for (std::size_t i = 0; i < data.size(); ++i) {
        auto id = stage(writer, store, data[i]);
        if (!id)
            return id.failure();
        SocialSpace s = data[i];
        s.id = *id;
        catalogue.add(s);
        spaces[kSpaces[i].key] = *id;
        ++summary.social_spaces;
    }
    for (const DemoOrg& o : kOrgs) {
        Organization org{{}, o.name, o.kind, o.address, o.phone, o.email, o.website};
        auto id = stage(writer, store, org);
        if (!id)
            return id.failure();
        org.id = *id;
        catalogue.add(org);
        orgs[o.key] = *id;
        ++summary.organizations;
    }
    for (const DemoOffer& d : kOffers) {
        Service s;
        s.name = d.name;
        s.organization = orgs.at(d.org);
        s.category = d.category;
        s.social_space = spaces.at(d.space);
        s.description = d.description;
        s.place = d.place;
        s.address = d.address;
        s.times = d.times;
        s.age_min = age(d.age_min);
        s.age_max = age(d.age_max);
        s.cost = d.cost;
        s.cost_note = d.cost_note;
        s.access = d.access;
        s.phone = d.phone;
        s.languages = d.languages;
        s.inclusion = d.inclusion;
        s.last_verified = days_before(today, d.verified_days_ago);
        auto id = stage(writer, store, s, catalogue, today);
        if (!id)
            return {Error::Invalid, std::string(d.name) + ": " + id.detail()};
        ++summary.services;
    }
    // The planner's demo gaps (bare answers without a case) travel with the offer map.
    const auto scope = ensure_offer_scope(store);
    if (!scope)
        return scope.failure();
    for (const DemoGap& g : kGaps) {
        for (int i = 0; i < g.count; ++i) {
            auto id = writer.set(kFeedbackType, {}, "status", kMissingWanted, &*scope);
            if (!id || !writer.set(kFeedbackType, *id, "social_space", spaces.at(g.space)) ||
                !writer.set(kFeedbackType, *id, "category", std::string(to_id(g.category))))
                return {Error::Store, "could not stage the demo feedback"};
            ++summary.feedback;
        }
    }
    if (auto r = commit(writer); !r)
        return r.failure();
    return summary;
}

std::vector<Service> generate_offers(const Catalogue& catalogue, std::size_t n, std::uint32_t seed,
                                     std::string_view today)
{
    static constexpr const char* kWhat[] = {
        "Fußball",  "Handball",    "Schwimmkurs", "Tanzgruppe",  "Elterncafé", "Krabbelgruppe", "Hausaufgabenhilfe",
        "Kochgruppe", "Trauergruppe", "Sprachcafé", "Erziehungsberatung", "Jugendtreff", "Theaterwerkstatt",
        "Kinderchor", "Familienfrühstück", "Nähwerkstatt", "Fahrradwerkstatt", "Lerntreff", "Spielgruppe",
        "Mädchentreff", "Väter-Kind-Gruppe", "Babymassage", "Boxtraining", "Medienprojekt", "Ferienprogramm"};
    static constexpr const char* kFor[] = {"für Kinder", "für Jugendliche", "für Eltern", "für Familien",
                                           "für Mädchen", "für Alleinerziehende", "für Neugeborene", "für alle"};
    static constexpr const char* kPlace[] = {"Stadtteilhaus", "Jugendhaus", "Familienzentrum", "Gemeindehaus",
                                             "Sporthalle", "Bürgerhaus", "Grundschule", "Kita"};
    static constexpr const char* kStreet[] = {"Rathausallee", "Ochsenzoller Straße", "Friedrichsgaber Weg",
                                              "Glashütter Damm", "Ulzburger Straße", "Segeberger Chaussee",
                                              "Harkshörner Weg", "Kohfurth", "Europaallee", "Moorbekstraße"};
    static constexpr const char* kDay[] = {"Mo", "Di", "Mi", "Do", "Fr", "Sa"};
    static constexpr const char* kText[] = {
        "Offenes Angebot, einfach vorbeikommen.", "Kleine Gruppe mit fester Ansprechperson.",
        "Mit Kinderbetreuung während des Treffens.", "Auch in den Ferien geöffnet.",
        "Gemeinsam kochen, spielen und reden.", "Beratung vertraulich und auf Wunsch anonym.",
        "Gefördert aus dem Sozialraumbudget.", "Auf Wunsch mit Dolmetschung."};
    static constexpr const char* kLanguages[] = {"Deutsch", "Deutsch, Türkisch", "Deutsch, Arabisch",
                                                 "Deutsch, Englisch", "Deutsch, Russisch, Ukrainisch"};
    static constexpr const char* kInclusion[] = {"", "", "", "Barrierefreier Zugang.",
                                                 "Erfahrung mit Kindern im Autismus-Spektrum.",
                                                 "Gebärdensprache auf Anfrage."};
    std::vector<Service> out;
    if (catalogue.social_spaces().empty() || catalogue.organizations().empty())
        return out;
    std::mt19937 rng(seed);
    const auto pick = [&](std::size_t size) { return std::size_t(rng() % size); };
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Service s;
        const char* what = kWhat[pick(std::size(kWhat))];
        const char* place = kPlace[pick(std::size(kPlace))];
        const SocialSpace& space = catalogue.social_spaces()[pick(catalogue.social_spaces().size())];
        s.name = std::string(what) + " " + kFor[pick(std::size(kFor))] + " " + std::to_string(i + 1);
        s.organization = catalogue.organizations()[pick(catalogue.organizations().size())].id;
        s.category = all_categories()[pick(all_categories().size())];
        s.social_space = space.id;
        s.description = std::string(kText[pick(std::size(kText))]) + " " + kText[pick(std::size(kText))];
        s.place = std::string(place) + " " + space.name;
        s.address = std::string(kStreet[pick(std::size(kStreet))]) + " " + std::to_string(1 + pick(300)) +
                    ", 2284" + std::to_string(4 + pick(6)) + " Norderstedt";
        const int from = 8 + int(pick(10));
        s.times = std::string(kDay[pick(std::size(kDay))]) + " " + std::to_string(from) + ":00–" +
                  std::to_string(from + 1 + int(pick(3))) + ":00 Uhr";
        if (pick(4) != 0) {
            const int lo = int(pick(16));
            s.age_min = lo;
            s.age_max = lo + 2 + int(pick(10));
        }
        s.cost = all_costs()[pick(all_costs().size())];
        s.access = all_accesses()[pick(all_accesses().size())];
        s.languages = kLanguages[pick(std::size(kLanguages))];
        s.inclusion = kInclusion[pick(std::size(kInclusion))];
        s.last_verified = days_before(today, int(pick(900)));
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::size_t> seed_generated_offers(sync::Store& store, std::size_t n, std::uint32_t seed, std::string_view today,
                                          std::size_t batch)
{
    if (store.list(kSocialSpaceType).empty())
        if (auto r = seed_demo_offers(store, today); !r)
            return r.failure();
    const Catalogue catalogue = Catalogue::load(store);
    const std::vector<Service> offers = generate_offers(catalogue, n, seed, today);
    std::size_t written = 0;
    while (written < offers.size()) {
        sync::Writer writer(store);
        const std::size_t end = std::min(offers.size(), written + std::max<std::size_t>(batch, 1));
        for (; written < end; ++written)
            if (auto id = stage(writer, store, offers[written], catalogue, today); !id)
                return id.failure();
        if (auto r = commit(writer); !r)
            return r.failure();
    }
    return written;
}

}  // namespace quartier::offers
