<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>BrandPanel</name>
    <message>
        <source>Quartier</source>
        <translation>Quartier</translation>
    </message>
    <message>
        <source>Fallarbeit im Sozialraum – nah an den Familien, sicher auf diesem Gerät.</source>
        <translation>Casework in the neighbourhood – close to families, secure on this device.</translation>
    </message>
    <message>
        <source>Alle Daten werden verschlüsselt gespeichert – auf dem Gerät wie auf dem Server. Auf diesem Gerät öffnet sie nur die Passphrase; geteilte Fälle lesen auch die Kolleginnen und Kollegen, mit denen sie geteilt sind.</source>
        <translation>All data is stored encrypted – on the device and on the server. On this device only the passphrase opens it; shared cases can also be read by the colleagues they are shared with.</translation>
    </message>
</context>
<context>
    <name>CaseConsentsController</name>
    <message>
        <source>Vermerke</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Kontakte und Hausbesuche</source>
        <translation>Contacts and home visits</translation>
    </message>
    <message>
        <source>Wille und Wünsche</source>
        <translation>Will and wishes</translation>
    </message>
    <message>
        <source>Ziele</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Netzwerkkarte</source>
        <translation>Network map</translation>
    </message>
    <message>
        <source>Einordnung (Gefährdung)</source>
        <translation>Classification (risk)</translation>
    </message>
    <message>
        <source>Hilfeplanung (§ 36 SGB VIII)</source>
        <translation>Help planning (§ 36 SGB VIII)</translation>
    </message>
    <message>
        <source>Durchführung der Hilfe durch den freien Träger</source>
        <translation>Delivery of the help by the free provider</translation>
    </message>
    <message>
        <source>Kollegiale Beratung im Sozialraumteam</source>
        <translation>Peer consultation in the social-space team</translation>
    </message>
    <message>
        <source>Schutzauftrag (§ 8a SGB VIII)</source>
        <translation>Child protection mandate (§ 8a SGB VIII)</translation>
    </message>
    <message>
        <source>schriftlich</source>
        <translation>written</translation>
    </message>
    <message>
        <source>elektronisch</source>
        <translation>electronic</translation>
    </message>
    <message>
        <source>mündlich (dokumentiert)</source>
        <translation>oral (documented)</translation>
    </message>
    <message>
        <source>Nr. 2 – an das Familiengericht (§ 8a Abs. 2 SGB VIII)</source>
        <translation>No. 2 – to the family court (§ 8a(2) SGB VIII)</translation>
    </message>
    <message>
        <source>Nr. 3 – Wechsel der Fallzuständigkeit bei Anhaltspunkten einer Gefährdung</source>
        <translation>No. 3 – change of case responsibility where there are signs of a risk</translation>
    </message>
    <message>
        <source>Nr. 4 – an hinzugezogene Fachkräfte zur Gefährdungseinschätzung (§ 8a)</source>
        <translation>No. 4 – to specialists consulted to assess a risk (§ 8a)</translation>
    </message>
    <message>
        <source>Nr. 5 – Befugnis nach § 203 StGB (z. B. rechtfertigender Notstand)</source>
        <translation>No. 5 – permitted under § 203 StGB (e.g. justifying necessity)</translation>
    </message>
</context>
<context>
    <name>CaseDelegate</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>%1 · Bearbeitungskonflikt klären</source>
        <translation>%1 · edit conflict to resolve</translation>
    </message>
    <message>
        <source>Besuch fortsetzen</source>
        <translation>Continue visit</translation>
    </message>
    <message>
        <source>Hausbesuch</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Hausbesuch bei %1 fortsetzen</source>
        <translation>Continue the home visit with %1</translation>
    </message>
    <message>
        <source>Hausbesuch bei %1 beginnen</source>
        <translation>Start a home visit with %1</translation>
    </message>
    <message>
        <source>Träger: %1</source>
        <translation>Provider: %1</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Noch keine Fälle auf diesem Gerät</source>
        <translation>No cases on this device yet</translation>
    </message>
    <message>
        <source>%1 von %2 angezeigt</source>
        <translation>%1 of %2 shown</translation>
    </message>
    <message>
        <source>1 Fall</source>
        <translation>1 case</translation>
    </message>
    <message>
        <source>%1 Fälle</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Fälle durchsuchen</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>Fallliste</source>
        <translation>Case list</translation>
    </message>
    <message>
        <source>Keine Treffer</source>
        <translation>No matches</translation>
    </message>
    <message>
        <source>Noch keine Fälle</source>
        <translation>No cases yet</translation>
    </message>
    <message>
        <source>Kein Fall passt zu „%1“. Prüfen Sie die Schreibweise oder leeren Sie die Suche.</source>
        <translation>No case matches “%1”. Check the spelling or clear the search.</translation>
    </message>
    <message>
        <source>Sobald Sie Fälle anlegen oder Fälle vom Server Ihrer Organisation übertragen werden, erscheinen sie hier.</source>
        <translation>Cases appear here as soon as they are created or received from your organisation&apos;s server.</translation>
    </message>
    <message>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>In der Fallliste blättern</source>
        <translation>Scroll the case list</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Fall anlegen</source>
        <translation>Create case</translation>
    </message>
    <message>
        <source>Name des Falls</source>
        <translation>Case name</translation>
    </message>
    <message>
        <source>z. B. Familie K.</source>
        <translation>e.g. Family K.</translation>
    </message>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>z. B. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fallführende Fachkraft</source>
        <translation>Lead worker</translation>
    </message>
    <message>
        <source>Eröffnet am</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Wer arbeitet mit diesem Gerät?</source>
        <translation>Who works with this device?</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ihr Name, wie er als fallführende Fachkraft eingetragen wird</source>
        <translation>Your name as it is entered as lead worker</translation>
    </message>
    <message>
        <source>„Meine Fälle“ zeigt die Fälle, in denen dieser Name als fallführende Fachkraft steht.</source>
        <translation>“My cases” shows the cases with this name as lead worker.</translation>
    </message>
    <message>
        <source>Meine Fälle</source>
        <translation>My cases</translation>
    </message>
    <message>
        <source>Meine Fälle …</source>
        <translation>My cases …</translation>
    </message>
    <message>
        <source>Fallführend: %1</source>
        <translation>Lead worker: %1</translation>
    </message>
    <message>
        <source>Zuerst Ihren Namen angeben</source>
        <translation>Enter your name first</translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <source>Kein Fall passt zu den gewählten Filtern.</source>
        <translation>No case matches the chosen filters.</translation>
    </message>
    <message>
        <source>Angebote</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Angebote im Sozialraum</source>
        <translation>Offers in the social space</translation>
    </message>
    <message>
        <source>Gesperrt bis zur nächsten Synchronisierung</source>
        <translation>Locked until the next sync</translation>
    </message>
    <message>
        <source>Gesperrt: Dieses Gerät wurde länger nicht synchronisiert, als Ihre Organisation erlaubt. Synchronisieren Sie, um die Fälle wieder zu sehen.</source>
        <translation>Locked: this device has not synced for longer than your organisation allows. Sync to see the cases again.</translation>
    </message>
    <message>
        <source>Berichte</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Berichte für die Jugendhilfeplanung</source>
        <translation>Reports for youth-welfare planning</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Fallübersicht des Sozialraumteams</source>
        <translation>Case overview of the social-space team</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Wille &amp; Ziele</source>
        <translation>Will &amp; goals</translation>
    </message>
    <message>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Netzwerkkarte</source>
        <translation>Network map</translation>
    </message>
    <message>
        <source>Kontakte &amp; Vermerke</source>
        <translation>Contacts &amp; notes</translation>
    </message>
    <message>
        <source>Einordnung</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Hilfen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Kontakt hinzufügen</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Von der Karte nehmen</source>
        <translation>Remove from the map</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>z. B. Oma Ilse, Kita Regenbogen</source>
        <translation>e.g. Grandma Ilse, Rainbow day care</translation>
    </message>
    <message>
        <source>Beziehung</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Nähe</source>
        <translation>Closeness</translation>
    </message>
    <message>
        <source>Ring 1 – sehr nah</source>
        <translation>Ring 1 – very close</translation>
    </message>
    <message>
        <source>Ring 2 – mittel</source>
        <translation>Ring 2 – medium</translation>
    </message>
    <message>
        <source>Ring 3 – fern</source>
        <translation>Ring 3 – distant</translation>
    </message>
    <message>
        <source>Anmerkung</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Fall bearbeiten</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <source>Name des Falls</source>
        <translation>Case name</translation>
    </message>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fallführende Fachkraft</source>
        <translation>Lead worker</translation>
    </message>
    <message>
        <source>Eröffnet am</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Beendet am</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Abgegeben an</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <source>Fall %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>Zurück zur Fallliste</source>
        <translation>Back to the case list</translation>
    </message>
    <message>
        <source>Falldaten bearbeiten: %1</source>
        <translation>Edit case details: %1</translation>
    </message>
    <message>
        <source>Hausbesuch beginnen</source>
        <translation>Start home visit</translation>
    </message>
    <message>
        <source>Hausbesuch</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Abschnitte des Falls</source>
        <translation>Sections of the case</translation>
    </message>
    <message>
        <source>Im Fall blättern</source>
        <translation>Scroll the case</translation>
    </message>
    <message>
        <source>Gezeichnet am %1. </source>
        <translation>Drawn on %1. </translation>
    </message>
    <message>
        <source>Tippen Sie in einen Sektor, um dort einen Kontakt einzutragen; ziehen Sie Kontakte, um sie zu verschieben.</source>
        <translation>Tap in a sector to add a contact there; drag contacts to move them.</translation>
    </message>
    <message>
        <source>%1 · Ring %2</source>
        <translation>%1 · ring %2</translation>
    </message>
    <message>
        <source>Fall teilen</source>
        <translation>Share case</translation>
    </message>
    <message>
        <source>Besuch fortsetzen</source>
        <translation>Continue visit</translation>
    </message>
    <message>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Träger: %1</source>
        <translation>Provider: %1</translation>
    </message>
    <message>
        <source>Verlaufsberichte</source>
        <translation>Progress reports</translation>
    </message>
    <message>
        <source>Beratung</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Kollegiale Beratung vorbereiten</source>
        <translation>Prepare a peer consultation</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>Bitte wählen</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>ClassificationCard</name>
    <message>
        <source>Falleinordnung</source>
        <translation>Risk classification</translation>
    </message>
    <message>
        <source>Bereich</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Gründe</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Im Grau- und Gefährdungsbereich: die Sorge des Amtes, konkret benannt.</source>
        <translation>In the grey and danger areas: the office’s concern, named concretely.</translation>
    </message>
    <message>
        <source>Eingeordnet am</source>
        <translation>Classified on</translation>
    </message>
    <message>
        <source>Eingeordnet von</source>
        <translation>Classified by</translation>
    </message>
    <message>
        <source>Auftrag</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Erteilt von</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Erteilt an</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Auflage</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Anlass</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Nicht verhandelbares Minimum</source>
        <translation>Non-negotiable minimum</translation>
    </message>
    <message>
        <source>Verhandelbarer Weg dorthin</source>
        <translation>Negotiable way there</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Wer überprüft?</source>
        <translation>Who checks?</translation>
    </message>
    <message>
        <source>Wie wird überprüft?</source>
        <translation>How is it checked?</translation>
    </message>
    <message>
        <source>Angekündigte Konsequenz</source>
        <translation>Stated consequence</translation>
    </message>
    <message>
        <source>Noch nicht eingeordnet.</source>
        <translation>Not classified yet.</translation>
    </message>
    <message>
        <source>Neu einordnen</source>
        <translation>Classify anew</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>aktuell</source>
        <translation>current</translation>
    </message>
    <message>
        <source>Aufträge</source>
        <translation>Mandates</translation>
    </message>
    <message>
        <source>Noch keine Aufträge.</source>
        <translation>No mandates yet.</translation>
    </message>
    <message>
        <source>Auftrag hinzufügen</source>
        <translation>Add mandate</translation>
    </message>
    <message>
        <source>Von: %1 · An: %2</source>
        <translation>From: %1 · To: %2</translation>
    </message>
    <message>
        <source> · fällig %1</source>
        <translation> · due %1</translation>
    </message>
    <message>
        <source>Auflagen</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Verbindliche Auflagen im Gefährdungsbereich: Minimum, Frist, Überprüfung, Konsequenz.</source>
        <translation>Binding requirements in the danger area: minimum, deadline, check, consequence.</translation>
    </message>
    <message>
        <source>Auflagen gibt es nur im Gefährdungsbereich.</source>
        <translation>Requirements exist only in the danger area.</translation>
    </message>
    <message>
        <source>Auflage hinzufügen</source>
        <translation>Add requirement</translation>
    </message>
    <message>
        <source>Anlass: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Weg: %1</source>
        <translation>Way: %1</translation>
    </message>
    <message>
        <source>Frist %1 · prüft %2 (%3) · Konsequenz: %4</source>
        <translation>Deadline %1 · checked by %2 (%3) · consequence: %4</translation>
    </message>
    <message>
        <source> · aufgehoben am %1</source>
        <translation> · lifted on %1</translation>
    </message>
</context>
<context>
    <name>ConfirmationCodeCard</name>
    <message>
        <source>Bestätigungscode %1</source>
        <translation>Confirmation code %1</translation>
    </message>
    <message>
        <source>Bestätigungscode</source>
        <translation>Confirmation code</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Familienmitglied</source>
        <translation>Family member</translation>
    </message>
    <message>
        <source>Hausbesuch / Kontakt</source>
        <translation>Home visit / contact</translation>
    </message>
    <message>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Wille</source>
        <translation>Will</translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Handlungsschritt</source>
        <translation>Action step</translation>
    </message>
    <message>
        <source>Ressource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Netzwerkkarte</source>
        <translation>Network map</translation>
    </message>
    <message>
        <source>Angebotsbezug</source>
        <translation>Offer feedback</translation>
    </message>
    <message>
        <source>Falleinordnung</source>
        <translation>Risk classification</translation>
    </message>
    <message>
        <source>Auftrag</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <source>Auflage</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Hilfe</source>
        <translation>Help (measure)</translation>
    </message>
    <message>
        <source>Angebot</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fallführende Fachkraft</source>
        <translation>Lead worker</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Zusammenfassung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Beteiligte</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Kind gesehen</source>
        <translation>Child seen</translation>
    </message>
    <message>
        <source>Eigener Beitrag</source>
        <translation>Own contribution</translation>
    </message>
    <message>
        <source>Was fehlt</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>Wie es sein müsste</source>
        <translation>How it would have to be</translation>
    </message>
    <message>
        <source>Hürden</source>
        <translation>Barriers</translation>
    </message>
    <message>
        <source>Zeiten</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Verlaufsbericht</source>
        <translation>Progress report</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Bearbeitungskonflikte klären</source>
        <translation>Resolve edit conflicts</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Nichts zu klären</source>
        <translation>Nothing to resolve</translation>
    </message>
    <message>
        <source>1 Angabe mit mehreren Fassungen</source>
        <translation>1 entry with several versions</translation>
    </message>
    <message>
        <source>%1 Angaben mit mehreren Fassungen</source>
        <translation>%1 entries with several versions</translation>
    </message>
    <message>
        <source>In den Bearbeitungskonflikten blättern</source>
        <translation>Scroll the edit conflicts</translation>
    </message>
    <message>
        <source>Keine Bearbeitungskonflikte</source>
        <translation>No edit conflicts</translation>
    </message>
    <message>
        <source>Alle Angaben sind eindeutig.</source>
        <translation>Every entry is unambiguous.</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Fassung %1 · %2 · %3 · wird derzeit angezeigt</source>
        <translation>Version %1 · %2 · %3 · shown for now</translation>
    </message>
    <message>
        <source>Fassung %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Diese Fassung übernehmen</source>
        <translation>Keep this version</translation>
    </message>
    <message>
        <source>Fassung %1 von %2 übernehmen</source>
        <translation>Keep version %1 by %2</translation>
    </message>
    <message>
        <source>Diese Angaben wurden auf zwei Geräten gleichzeitig geändert oder auf einem Gerät gelöscht, während ein anderes sie bearbeitete. Alle Fassungen sind erhalten. Tippen Sie auf die Fassung, die gelten soll.</source>
        <translation>These entries were changed on two devices at the same time, or deleted on one device while another edited them. Every version is kept. Tap the version that should apply.</translation>
    </message>
    <message>
        <source>Bearbeitet · %1 · %2</source>
        <translation>Edited · %1 · %2</translation>
    </message>
    <message>
        <source>Gelöscht · %1 · %2</source>
        <translation>Deleted · %1 · %2</translation>
    </message>
    <message>
        <source>Bearbeitung behalten</source>
        <translation>Keep the edit</translation>
    </message>
    <message>
        <source>Löschen bestätigen</source>
        <translation>Confirm the deletion</translation>
    </message>
    <message>
        <source>Bearbeitung von %1 behalten</source>
        <translation>Keep the edit by %1</translation>
    </message>
    <message>
        <source>Löschen durch %1 bestätigen</source>
        <translation>Confirm the deletion by %1</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Einwilligung erfassen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>Die Einwilligung wird im Fall gespeichert: alle, die den Fall lesen, sehen sie – und ihren Widerruf nach der nächsten Synchronisierung.</source>
        <translation>The consent is stored in the case: everyone who reads the case sees it – and its withdrawal after their next sync.</translation>
    </message>
    <message>
        <source>Wer willigt ein?</source>
        <translation>Who consents?</translation>
    </message>
    <message>
        <source>Für wen? (leer lassen, wenn für sich selbst)</source>
        <translation>For whom? (leave empty if for themselves)</translation>
    </message>
    <message>
        <source>Welche Angaben?</source>
        <translation>Which data?</translation>
    </message>
    <message>
        <source>Zu welchem Zweck?</source>
        <translation>For which purpose?</translation>
    </message>
    <message>
        <source>An wen darf weitergegeben werden?</source>
        <translation>Who may receive it?</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Gültig ab</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Gültig bis (leer: bis auf Widerruf)</source>
        <translation>Valid until (empty: until withdrawn)</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ConsentsCard</name>
    <message>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Dieser Fall liegt nicht in einem eigenen Fallbereich dieses Geräts; Einwilligungen werden im Fall gespeichert.</source>
        <translation>This case is not in a case space of its own on this device; consents are stored in the case.</translation>
    </message>
    <message>
        <source>Noch keine Einwilligung erfasst. Anvertrautes (§ 65 SGB VIII) wird nur mit einer Einwilligung oder nach einer gesetzlichen Ausnahme weitergegeben.</source>
        <translation>No consent recorded yet. Entrusted information (§ 65 SGB VIII) is passed on only with a consent or under a statutory exception.</translation>
    </message>
    <message>
        <source>Einwilligung erfassen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>Einwilligung von %1, %2</source>
        <translation>Consent of %1, %2</translation>
    </message>
    <message>
        <source>%1 für %2</source>
        <translation>%1 for %2</translation>
    </message>
    <message>
        <source>Angaben</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Zweck</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>An</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Form, Gültigkeit</source>
        <translation>Form, validity</translation>
    </message>
    <message>
        <source>Widerruf</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>Widerrufen …</source>
        <translation>Withdraw …</translation>
    </message>
    <message>
        <source>Einwilligung von %1 widerrufen</source>
        <translation>Withdraw the consent of %1</translation>
    </message>
    <message>
        <source>Einwilligung widerrufen</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Die Einwilligung von %1 gilt ab heute nicht mehr – endgültig: sie erlaubt keine weitere Weitergabe, und auf allen Geräten des Falls nach deren nächster Synchronisierung. Was schon weitergegeben wurde, bleibt im Fall.</source>
        <translation>The consent of %1 no longer applies from today – for good: it allows no further disclosure, on every device of the case after its next sync. What was already passed on stays in the case.</translation>
    </message>
    <message>
        <source>Wie widerrufen? (z. B. „mündlich beim Hausbesuch“, „per Brief vom …“)</source>
        <translation>How was it withdrawn? (e.g. “orally at the home visit”, “by letter of …”)</translation>
    </message>
    <message>
        <source>Widerrufen</source>
        <translation>Withdraw</translation>
    </message>
</context>
<context>
    <name>ConsultationCard</name>
    <message>
        <source>Frage an das Team: %1</source>
        <translation>Question to the team: %1</translation>
    </message>
    <message>
        <source>Wille und Ziele</source>
        <translation>Will and goals</translation>
    </message>
    <message>
        <source>Noch nichts festgehalten.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>%1 · Wille · selbst: %2</source>
        <translation>%1 · will · own part: %2</translation>
    </message>
    <message>
        <source>%1 · Wunsch</source>
        <translation>%1 · wish</translation>
    </message>
    <message>
        <source>%1 · Skala %2 von 10, Ziel %3</source>
        <translation>%1 · scale %2 of 10, target %3</translation>
    </message>
    <message>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Noch keine Ressourcen festgehalten.</source>
        <translation>No resources recorded yet.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Netzwerk (%1)</source>
        <translation>Network (%1)</translation>
    </message>
    <message>
        <source>Netzwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Keine Netzwerkkarte.</source>
        <translation>No network map.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1, Ring %2</source>
        <translation>%1, ring %2</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <source>Kollegiale Beratung vorbereiten</source>
        <translation>Prepare a peer consultation</translation>
    </message>
    <message>
        <source>Ins Team geben</source>
        <translation>Give to the team</translation>
    </message>
    <message>
        <source>Das Team sieht die Karte ohne Namen, Adressen, Geburtsdaten und Nummern: Personen erscheinen mit ihrer Rolle. Bitte lesen Sie die Karte, bevor sie ins Team geht – ein Spitzname oder ein seltenes Detail kann eine Familie trotzdem erkennbar machen.</source>
        <translation>The team sees the card without names, addresses, birth dates and numbers: people appear by their role. Please read the card before it goes to the team – a nickname or a rare detail can still make a family recognisable.</translation>
    </message>
    <message>
        <source>Frage an das Team</source>
        <translation>Question to the team</translation>
    </message>
    <message>
        <source>z. B. Wie kann die Familie morgens entlastet werden?</source>
        <translation>e.g. How can the family get relief in the mornings?</translation>
    </message>
    <message>
        <source>So sieht das Team die Karte</source>
        <translation>This is how the team sees the card</translation>
    </message>
    <message>
        <source>Frühere Beratungen dieses Falls</source>
        <translation>Earlier consultations of this case</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ConsultationPage</name>
    <message>
        <source>Kollegiale Beratung</source>
        <translation>Peer consultation</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Kollegiale Beratung · %1 · %2</source>
        <translation>Peer consultation · %1 · %2</translation>
    </message>
    <message>
        <source>%1 · vorbereitet von %2 am %3 · %4</source>
        <translation>%1 · prepared by %2 on %3 · %4</translation>
    </message>
    <message>
        <source>Große Schrift</source>
        <translation>Large type</translation>
    </message>
    <message>
        <source>Große Schrift für den Beamer</source>
        <translation>Large type for the projector</translation>
    </message>
    <message>
        <source>In der Beratung blättern</source>
        <translation>Scroll the consultation</translation>
    </message>
    <message>
        <source>Ideen des Teams</source>
        <translation>The team's ideas</translation>
    </message>
    <message>
        <source>Noch keine Ideen.</source>
        <translation>No ideas yet.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Eine Idee: wer oder was könnte helfen?</source>
        <translation>An idea: who or what could help?</translation>
    </message>
    <message>
        <source>von</source>
        <translation>by</translation>
    </message>
    <message>
        <source>Festhalten</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Empfehlung des Teams</source>
        <translation>The team's recommendation</translation>
    </message>
    <message>
        <source>Was empfiehlt das Team?</source>
        <translation>What does the team recommend?</translation>
    </message>
    <message>
        <source>Wer bringt was ein</source>
        <translation>Who brings what</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>bringt was ein</source>
        <translation>brings what</translation>
    </message>
    <message>
        <source>Weitere Zeile</source>
        <translation>Another row</translation>
    </message>
    <message>
        <source>Empfehlung festhalten</source>
        <translation>Record the recommendation</translation>
    </message>
    <message>
        <source>In den Fall übernehmen</source>
        <translation>Take into the case</translation>
    </message>
    <message>
        <source>Am %1 in den Fall übernommen.</source>
        <translation>Taken into the case on %1.</translation>
    </message>
    <message>
        <source>Angebote in %1</source>
        <translation>Offers in %1</translation>
    </message>
    <message>
        <source>Angebote durchsuchen</source>
        <translation>Search offers</translation>
    </message>
    <message>
        <source>Angebote im Sozialraum</source>
        <translation>Offers in the social space</translation>
    </message>
    <message>
        <source>In den Angeboten blättern</source>
        <translation>Scroll the offers</translation>
    </message>
    <message>
        <source>Kein Angebot gefunden</source>
        <translation>No offer found</translation>
    </message>
</context>
<context>
    <name>ContactsNotesCard</name>
    <message>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Eine Änderung wird als neue Fassung gespeichert; frühere Fassungen bleiben sichtbar.</source>
        <translation>A change is saved as a new version; earlier versions stay visible.</translation>
    </message>
    <message>
        <source>Anvertraut (§ 65 SGB VIII)</source>
        <translation>Entrusted (§ 65 SGB VIII)</translation>
    </message>
    <message>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Noch keine Hausbesuche oder Kontakte erfasst.</source>
        <translation>No home visits or contacts recorded yet.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Beteiligt: %1</source>
        <translation>Taking part: %1</translation>
    </message>
    <message>
        <source>Vermerke</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Noch keine Vermerke.</source>
        <translation>No notes yet.</translation>
    </message>
    <message>
        <source>Vermerk schreiben</source>
        <translation>Write note</translation>
    </message>
    <message>
        <source>Zwei gleichzeitige Fassungen – bitte klären</source>
        <translation>Two concurrent versions – please resolve</translation>
    </message>
    <message>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Vermerk bearbeiten</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Fassungen ausblenden</source>
        <translation>Hide versions</translation>
    </message>
    <message>
        <source>%1 Fassungen</source>
        <translation>%1 versions</translation>
    </message>
    <message>
        <source>Fassung %1 · %2</source>
        <translation>Version %1 · %2</translation>
    </message>
    <message>
        <source>In den Fall weitergeben …</source>
        <translation>Pass into the case …</translation>
    </message>
    <message>
        <source>Anvertrauten Vermerk in den Fall weitergeben</source>
        <translation>Pass an entrusted note into the case</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Kalender öffnen: %1</source>
        <translation>Open calendar: %1</translation>
    </message>
    <message>
        <source>Datum wählen: %1</source>
        <translation>Choose a date: %1</translation>
    </message>
    <message>
        <source>Ein Jahr zurück</source>
        <translation>One year back</translation>
    </message>
    <message>
        <source>Einen Monat zurück</source>
        <translation>One month back</translation>
    </message>
    <message>
        <source>Einen Monat weiter</source>
        <translation>One month on</translation>
    </message>
    <message>
        <source>Ein Jahr weiter</source>
        <translation>One year on</translation>
    </message>
    <message>
        <source>Heute</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>de_DE</source>
        <extracomment>The locale of the calendar&apos;s month and weekday names (and its first weekday): follows the UI language.</extracomment>
        <translation>en_GB</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <source>Änderungen verwerfen?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Was Sie in diesem Formular geändert haben, wird nicht gespeichert.</source>
        <translation>What you changed in this form will not be saved.</translation>
    </message>
    <message>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Änderungen verwerfen, nichts speichern</source>
        <translation>Discard changes, save nothing</translation>
    </message>
    <message>
        <source>Weiter bearbeiten</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Anvertrauten Vermerk in den Fall weitergeben</source>
        <translation>Pass an entrusted note into the case</translation>
    </message>
    <message>
        <source>Anvertrautes lesen nur Sie. Weitergegeben, wird eine Kopie im Fall für alle lesbar, die den Fall haben – nur mit einer Einwilligung, die sie alle umfasst, oder nach einer Ausnahme des § 65 Abs. 1 Satz 1 SGB VIII. Ihr Original bleibt anvertraut.</source>
        <translation>Only you read what was entrusted to you. Passed on, a copy in the case is readable by everyone who has the case – only with a consent that covers all of them, or under an exception of § 65(1) sentence 1 SGB VIII. Your original stays entrusted.</translation>
    </message>
    <message>
        <source>Rechtsgrundlage</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Ausnahme nach § 65 Abs. 1 Satz 1</source>
        <translation>Exception under § 65(1) sentence 1</translation>
    </message>
    <message>
        <source>Einwilligung – im Fall ist noch keine erfasst</source>
        <translation>Consent – none recorded in the case yet</translation>
    </message>
    <message>
        <source>Zweck der Weitergabe</source>
        <translation>Purpose of the disclosure</translation>
    </message>
    <message>
        <source>Ausnahme</source>
        <translation>Exception</translation>
    </message>
    <message>
        <source>Begründung (schriftlich, Pflicht)</source>
        <translation>Reason (written, required)</translation>
    </message>
    <message>
        <source>Begründung</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Die Rechtsgrundlage trägt die Weitergabe. Sie wird im Protokoll festgehalten.</source>
        <translation>The legal basis covers the disclosure. It is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Weitergeben</source>
        <translation>Pass on</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <source>Nicht gespeicherte Eingabe vom %1 (%2)</source>
        <translation>Unsaved input from %1 (%2)</translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Nicht gespeicherte Eingabe wiederherstellen</source>
        <translation>Restore unsaved input</translation>
    </message>
    <message>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Nicht gespeicherte Eingabe verwerfen</source>
        <translation>Discard unsaved input</translation>
    </message>
</context>
<context>
    <name>EarlierAnswers</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>EntrustedBadge</name>
    <message>
        <source>Anvertraut</source>
        <translation>Entrusted</translation>
    </message>
    <message>
        <source>Anvertraut nach § 65 SGB VIII</source>
        <translation>Entrusted under § 65 SGB VIII</translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <source>Bearbeitungskonflikt klären</source>
        <translation>Edit conflict to resolve</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GoalDelegate</name>
    <message>
        <source>Ziel bearbeiten: %1</source>
        <translation>Edit goal: %1</translation>
    </message>
    <message>
        <source> · überprüfen am %1</source>
        <translation> · review on %1</translation>
    </message>
    <message>
        <source>aus dem Willen: „%1“</source>
        <translation>from the will: “%1”</translation>
    </message>
    <message>
        <source>Bearbeitungskonflikt klären</source>
        <translation>Edit conflict to resolve</translation>
    </message>
    <message>
        <source>Jetzt</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Schritt erledigt: %1</source>
        <translation>Step done: %1</translation>
    </message>
    <message>
        <source>Schritt bearbeiten: %1</source>
        <translation>Edit step: %1</translation>
    </message>
    <message>
        <source>%1 · bis %2</source>
        <translation>%1 · by %2</translation>
    </message>
    <message>
        <source>Handlungsschritt</source>
        <translation>Action step</translation>
    </message>
    <message>
        <source>Handlungsschritt hinzufügen</source>
        <translation>Add action step</translation>
    </message>
</context>
<context>
    <name>HomeVisitPage</name>
    <message>
        <source>Dieser Besuch ist abgeschlossen. Sie sehen, was erfasst wurde; ändern lässt es sich nicht mehr.</source>
        <translation>This visit is finished. You see what was recorded; it can no longer be changed.</translation>
    </message>
    <message>
        <source>Wer ist da?</source>
        <translation>Who is here?</translation>
    </message>
    <message>
        <source>Was gibt es bei Ihnen in der Nähe?</source>
        <translation>What is offered near you?</translation>
    </message>
    <message>
        <source>Was fehlt hier aus Ihrer Sicht?</source>
        <translation>What is missing here, in your view?</translation>
    </message>
    <message>
        <source>Wie müsste ein Angebot sein, damit Sie es nutzen würden?</source>
        <translation>What would an offer have to be like for you to use it?</translation>
    </message>
    <message>
        <source>Wille, Ressourcen, Vermerk</source>
        <translation>Will, resources, note</translation>
    </message>
    <message>
        <source>Abschluss</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Anwesend</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Angebote</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Was fehlt</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>Wie müsste es sein</source>
        <translation>How it should be</translation>
    </message>
    <message>
        <source>Wille · Vermerk</source>
        <translation>Will · note</translation>
    </message>
    <message>
        <source>Tippen Sie an, wer beim Besuch dabei ist, und geben Sie an, ob das Kind gesehen wurde.</source>
        <translation>Tap who is present at the visit, and say whether the child was seen.</translation>
    </message>
    <message>
        <source>Angebote im Sozialraum %1. Fragen Sie nach jedem: bekannt, genutzt, früher genutzt oder unbekannt?</source>
        <translation>Offers in the social space %1. Ask about each one: known, used, used before or unknown?</translation>
    </message>
    <message>
        <source>Was vermisst die Familie in ihrer Umgebung, und was hält sie davon ab, Angebote zu nutzen?</source>
        <translation>What does the family miss in its neighbourhood, and what keeps it from using offers?</translation>
    </message>
    <message>
        <source>Schreiben Sie die Antworten wörtlich auf, in den Worten der Familie.</source>
        <translation>Write the answers down verbatim, in the family&apos;s own words.</translation>
    </message>
    <message>
        <source>Was will die Familie selbst erreichen, was tut sie dafür, was hilft ihr? Dazu Ihr Vermerk.</source>
        <translation>What does the family itself want to achieve, what does it do for it, what helps it? And your note.</translation>
    </message>
    <message>
        <source>Prüfen Sie, ob alles Nötige erfasst ist, und schließen Sie den Besuch ab.</source>
        <translation>Check that everything needed is recorded, and finish the visit.</translation>
    </message>
    <message>
        <source>Hausbesuch %1</source>
        <translation>Home visit %1</translation>
    </message>
    <message>
        <source>Im Schritt blättern</source>
        <translation>Scroll step</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Weiter: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>Weiter zu Schritt %1</source>
        <translation>Next, to step %1</translation>
    </message>
</context>
<context>
    <name>InfoRow</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>IssueText</name>
    <message>
        <source>Anwesende</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Kind gesehen</source>
        <translation>Child seen</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Was fehlt</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Hürden</source>
        <translation>Barriers</translation>
    </message>
    <message>
        <source>Wie es sein müsste</source>
        <translation>How it would have to be</translation>
    </message>
    <message>
        <source>Eigener Beitrag</source>
        <translation>Own contribution</translation>
    </message>
    <message>
        <source>Wählen Sie unter „Wer ist da?“ mindestens eine Person, die dabei war.</source>
        <translation>Under “Who is here?”, choose at least one person who took part.</translation>
    </message>
    <message>
        <source>Geben Sie unter „Wer ist da?“ an, ob das Kind gesehen wurde.</source>
        <translation>Under “Who is here?”, say whether the child was seen.</translation>
    </message>
    <message>
        <source>Das Ende des Besuchs liegt vor seinem Beginn.</source>
        <translation>The visit ends before it starts.</translation>
    </message>
    <message>
        <source>Ein abgeschlossener Besuch wird nicht wieder zum Entwurf.</source>
        <translation>A finished visit does not become a draft again.</translation>
    </message>
    <message>
        <source>„%1“ fehlt noch.</source>
        <translation>“%1” is still missing.</translation>
    </message>
    <message>
        <source>„%1“ hat kein gültiges Format.</source>
        <translation>“%1” is not in a valid format.</translation>
    </message>
    <message>
        <source>„%1“ hat einen unbekannten Wert.</source>
        <translation>“%1” has an unknown value.</translation>
    </message>
    <message>
        <source>„%1“ liegt außerhalb des erlaubten Bereichs.</source>
        <translation>“%1” is outside the allowed range.</translation>
    </message>
    <message>
        <source>„%1“ liegt vor dem Beginn.</source>
        <translation>“%1” is before the start.</translation>
    </message>
    <message>
        <source>„%1“ verweist auf einen Eintrag, den es nicht (mehr) gibt.</source>
        <translation>“%1” refers to an entry that does not exist (any more).</translation>
    </message>
    <message>
        <source>„%1“ gehört zu einem anderen Fall.</source>
        <translation>“%1” belongs to another case.</translation>
    </message>
    <message>
        <source>„%1“ enthält einen Eintrag doppelt.</source>
        <translation>“%1” contains an entry twice.</translation>
    </message>
    <message>
        <source>Auflagen gibt es nur im Gefährdungsbereich.</source>
        <translation>Requirements exist only in the danger area (Gefährdungsbereich).</translation>
    </message>
    <message>
        <source>Ein Veränderungsauftrag braucht eine benannte Sorge (Grau- oder Gefährdungsbereich).</source>
        <translation>A change mandate needs a stated concern (grey or danger area).</translation>
    </message>
    <message>
        <source>Das ist noch ein Wunsch: Es fehlt, was die Person selbst dafür tut.</source>
        <translation>This is still a wish: what the person will do for it themselves is missing.</translation>
    </message>
    <message>
        <source>„%1“ passt nicht zu den übrigen Angaben.</source>
        <translation>“%1” does not fit the other entries.</translation>
    </message>
    <message>
        <source>„%1“ kann nach dem ersten Speichern nicht mehr geändert werden.</source>
        <translation>“%1” cannot be changed after the first save.</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Sport und Bewegung</source>
        <translation>Sports and exercise</translation>
    </message>
    <message>
        <source>Familienzentrum</source>
        <translation>Family centre</translation>
    </message>
    <message>
        <source>Beratung</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <source>Offene Kinder- und Jugendarbeit</source>
        <translation>Open youth work</translation>
    </message>
    <message>
        <source>Gruppe</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Kita und Tagespflege</source>
        <translation>Day care</translation>
    </message>
    <message>
        <source>Schule und Lernen</source>
        <translation>School and learning</translation>
    </message>
    <message>
        <source>Kultur und Freizeit</source>
        <translation>Culture and leisure</translation>
    </message>
    <message>
        <source>Gesundheit und Frühe Hilfen</source>
        <translation>Health and early help</translation>
    </message>
    <message>
        <source>Sonstiges</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Neu</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>In Klärung</source>
        <translation>Being clarified</translation>
    </message>
    <message>
        <source>Abgeschlossen</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Abgegeben</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Mutter</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>Vater</source>
        <translation>Father</translation>
    </message>
    <message>
        <source>Elternteil</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Stiefelternteil</source>
        <translation>Step-parent</translation>
    </message>
    <message>
        <source>Pflegeelternteil</source>
        <translation>Foster parent</translation>
    </message>
    <message>
        <source>Vormund</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Geschwister</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <source>Großelternteil</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <source>Partner:in</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Verwandte:r</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>Andere Person</source>
        <translation>Other person</translation>
    </message>
    <message>
        <source>Hausbesuch</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Termin im Büro</source>
        <translation>Office appointment</translation>
    </message>
    <message>
        <source>Telefonat</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Videogespräch</source>
        <translation>Video call</translation>
    </message>
    <message>
        <source>Aufsuchender Kontakt</source>
        <translation>Outreach contact</translation>
    </message>
    <message>
        <source>Sonstiger Kontakt</source>
        <translation>Other contact</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Kind gesehen: offen</source>
        <translation>Child seen: open</translation>
    </message>
    <message>
        <source>Kind gesehen</source>
        <translation>Child seen</translation>
    </message>
    <message>
        <source>Kind nicht gesehen</source>
        <translation>Child not seen</translation>
    </message>
    <message>
        <source>Kind gesehen: entfällt</source>
        <translation>Child seen: not applicable</translation>
    </message>
    <message>
        <source>Richtungsziel</source>
        <translation>Direction goal</translation>
    </message>
    <message>
        <source>Handlungsziel</source>
        <translation>Action goal</translation>
    </message>
    <message>
        <source>Offen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Erreicht</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>Verworfen</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Persönlich</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Sozial</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>Materiell</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Freunde &amp; Nachbarn</source>
        <translation>Friends &amp; neighbours</translation>
    </message>
    <message>
        <source>Schule, Arbeit &amp; Vereine</source>
        <translation>School, work &amp; clubs</translation>
    </message>
    <message>
        <source>Fachkräfte</source>
        <translation>Professionals</translation>
    </message>
    <message>
        <source>Unterstützend</source>
        <translation>Supportive</translation>
    </message>
    <message>
        <source>Ambivalent</source>
        <translation>Ambivalent</translation>
    </message>
    <message>
        <source>Belastend</source>
        <translation>Stressful</translation>
    </message>
    <message>
        <source>Leistungsbereich</source>
        <translation>Service area</translation>
    </message>
    <message>
        <source>Graubereich</source>
        <translation>Grey area</translation>
    </message>
    <message>
        <source>Gefährdungsbereich</source>
        <translation>Danger area</translation>
    </message>
    <message>
        <source>Auftrag der Familie</source>
        <translation>Family’s mandate</translation>
    </message>
    <message>
        <source>Klärungsauftrag</source>
        <translation>Clarification mandate</translation>
    </message>
    <message>
        <source>Veränderungsauftrag</source>
        <translation>Change mandate</translation>
    </message>
    <message>
        <source>Aufgehoben</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <source>Erfüllt</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Nicht erfüllt</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fallführende Fachkraft</source>
        <translation>Lead worker</translation>
    </message>
    <message>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Eröffnet am</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Beendet am</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Abgegeben an</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <source>Vorname</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Nachname</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Eigener Beitrag</source>
        <translation>Own contribution</translation>
    </message>
    <message>
        <source>Festgehalten am</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>Ebene</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Wille</source>
        <translation>Will</translation>
    </message>
    <message>
        <source>Skala jetzt</source>
        <translation>Scale now</translation>
    </message>
    <message>
        <source>Skala Ziel</source>
        <translation>Scale target</translation>
    </message>
    <message>
        <source>Vereinbart am</source>
        <translation>Agreed on</translation>
    </message>
    <message>
        <source>Überprüfen am</source>
        <translation>Review on</translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Bis wann</source>
        <translation>By when</translation>
    </message>
    <message>
        <source>Erledigt am</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Bereich</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Gezeichnet am</source>
        <translation>Drawn on</translation>
    </message>
    <message>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Beziehung</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Anmerkung</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Verfasst von</source>
        <translation>Written by</translation>
    </message>
    <message>
        <source>Verfasst am</source>
        <translation>Written at</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Eingeordnet am</source>
        <translation>Classified on</translation>
    </message>
    <message>
        <source>Eingeordnet von</source>
        <translation>Classified by</translation>
    </message>
    <message>
        <source>Gründe</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Erteilt von</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Erteilt an</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Anlass</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Nicht verhandelbares Minimum</source>
        <translation>Non-negotiable minimum</translation>
    </message>
    <message>
        <source>Verhandelbarer Weg</source>
        <translation>Negotiable way</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Überprüft von</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>Art der Überprüfung</source>
        <translation>How it is checked</translation>
    </message>
    <message>
        <source>Angekündigte Konsequenz</source>
        <translation>Stated consequence</translation>
    </message>
    <message>
        <source>Paragraf (SGB VIII)</source>
        <translation>Paragraph (SGB VIII)</translation>
    </message>
    <message>
        <source>Bezeichnung</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>§ %1 SGB VIII</source>
        <translation>§ %1 SGB VIII</translation>
    </message>
    <message>
        <source>Eintrag %1: %2</source>
        <translation>Entry %1: %2</translation>
    </message>
    <message>
        <source>Bitte ausfüllen.</source>
        <translation>Please fill in.</translation>
    </message>
    <message>
        <source>Diese Eingabe kann Quartier nicht lesen. Bitte prüfen Sie die Schreibweise.</source>
        <translation>Quartier cannot read this input. Please check how it is written.</translation>
    </message>
    <message>
        <source>Dieser Wert ist hier nicht vorgesehen. Bitte einen Wert aus der Liste wählen.</source>
        <translation>This value is not provided for here. Please choose one from the list.</translation>
    </message>
    <message>
        <source>Bitte einen Ring von 1 (nah) bis 3 (fern) wählen.</source>
        <translation>Please choose a ring from 1 (close) to 3 (distant).</translation>
    </message>
    <message>
        <source>Bitte einen Wert von 0 bis 10 wählen.</source>
        <translation>Please choose a value from 0 to 10.</translation>
    </message>
    <message>
        <source>Das Datum liegt vor dem Beginn.</source>
        <translation>The date is before the start.</translation>
    </message>
    <message>
        <source>Der verknüpfte Eintrag ist nicht (mehr) vorhanden.</source>
        <translation>The linked entry does not exist (any more).</translation>
    </message>
    <message>
        <source>Der verknüpfte Eintrag gehört zu einem anderen Fall.</source>
        <translation>The linked entry belongs to another case.</translation>
    </message>
    <message>
        <source>Dieser Wert steht doppelt in der Liste.</source>
        <translation>This value is twice in the list.</translation>
    </message>
    <message>
        <source>Auflagen gibt es nur, solange der Fall im Gefährdungsbereich eingeordnet ist.</source>
        <translation>Requirements exist only while the case is classified in the danger area.</translation>
    </message>
    <message>
        <source>Ein Veränderungsauftrag des Amtes setzt eine benannte Sorge voraus. Dieser Fall ist aber im Leistungsbereich eingeordnet – ordnen Sie ihn zuerst neu ein oder wählen Sie eine andere Art des Auftrags.</source>
        <translation>An office change mandate needs a named concern. This case, however, is classified in the service area – classify it anew first, or choose another kind of mandate.</translation>
    </message>
    <message>
        <source>Dieser Wille nennt noch keinen eigenen Beitrag – er ist ein Wunsch. Ein Ziel baut auf einem Willen mit eigenem Beitrag auf.</source>
        <translation>This will names no own contribution yet – it is a wish. A goal builds on a will with an own contribution.</translation>
    </message>
    <message>
        <source>Dieser Wert passt nicht zu den übrigen Angaben.</source>
        <translation>This value does not fit the other details.</translation>
    </message>
    <message>
        <source>Dieses Feld lässt sich nach dem ersten Speichern nicht mehr ändern.</source>
        <translation>This field cannot be changed after the first save.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Falleinordnung</source>
        <translation>Risk classification</translation>
    </message>
    <message>
        <source>Aufgehoben am</source>
        <translation>Lifted on</translation>
    </message>
    <message>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Anvertraut</source>
        <translation>Entrusted</translation>
    </message>
    <message>
        <source>Beteiligte</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Aufbewahrungsklasse</source>
        <translation>Retention class</translation>
    </message>
    <message>
        <source>Aufbewahrung bis</source>
        <translation>Retained until</translation>
    </message>
    <message>
        <source>bekannt, nicht genutzt</source>
        <translation>known, not used</translation>
    </message>
    <message>
        <source>genutzt</source>
        <translation>used</translation>
    </message>
    <message>
        <source>früher genutzt</source>
        <translation>used before</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>fehlt, gewünscht</source>
        <translation>missing, wanted</translation>
    </message>
    <message>
        <source>Kosten</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Weg zu weit</source>
        <translation>Too far away</translation>
    </message>
    <message>
        <source>Zeiten passen nicht</source>
        <translation>Times do not fit</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Fehlende Information</source>
        <translation>No information</translation>
    </message>
    <message>
        <source>Scham, Angst vor Abstempeln</source>
        <translation>Shame, fear of stigma</translation>
    </message>
    <message>
        <source>Keine Kinderbetreuung</source>
        <translation>No childcare</translation>
    </message>
    <message>
        <source>Wartezeit</source>
        <translation>Waiting time</translation>
    </message>
    <message>
        <source>Altersgrenze</source>
        <translation>Age limit</translation>
    </message>
    <message>
        <source>Bitte ein gültiges Datum als TT.MM.JJJJ angeben (z. B. 01.03.2026).</source>
        <translation>Please give a valid date as DD.MM.YYYY (e.g. 01.03.2026).</translation>
    </message>
    <message>
        <source>Näher am Wohnort</source>
        <translation>Closer to home</translation>
    </message>
    <message>
        <source>Andere Zeiten</source>
        <translation>Other times</translation>
    </message>
    <message>
        <source>Günstiger oder kostenlos</source>
        <translation>Cheaper or free</translation>
    </message>
    <message>
        <source>In der eigenen Sprache</source>
        <translation>In the family’s own language</translation>
    </message>
    <message>
        <source>Mehr Information</source>
        <translation>More information</translation>
    </message>
    <message>
        <source>Mit Kinderbetreuung</source>
        <translation>With childcare</translation>
    </message>
    <message>
        <source>Kürzere Wartezeit</source>
        <translation>Shorter waiting time</translation>
    </message>
    <message>
        <source>Für eine andere Altersgruppe</source>
        <translation>For another age group</translation>
    </message>
    <message>
        <source>Mit vertrauter Person</source>
        <translation>With a trusted person</translation>
    </message>
    <message>
        <source>Geschrieben am</source>
        <translation>Written on</translation>
    </message>
    <message>
        <source>Zeitraum von</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Zeitraum bis</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>Ziele und Aufträge</source>
        <translation>Goals and mandates</translation>
    </message>
    <message>
        <source>Auftrag</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <source>Was geschah</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Was die Familie selbst getan hat</source>
        <translation>What the family did itself</translation>
    </message>
    <message>
        <source>Zusammenfassung</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Quartier</source>
        <translation>Quartier</translation>
    </message>
</context>
<context>
    <name>MeasuresCard</name>
    <message>
        <source>Hilfe</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Paragraf (SGB VIII)</source>
        <translation>Paragraph (SGB VIII)</translation>
    </message>
    <message>
        <source>Bezeichnung</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>z. B. Sozialpädagogische Familienhilfe</source>
        <translation>e.g. socio-educational family support</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Leer lassen, solange die Hilfe läuft.</source>
        <translation>Leave empty while the help runs.</translation>
    </message>
    <message>
        <source>Hilfen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Noch keine Hilfen.</source>
        <translation>No measures yet.</translation>
    </message>
    <message>
        <source>Hilfe hinzufügen</source>
        <translation>Add measure</translation>
    </message>
    <message>
        <source>%1 bis %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>seit %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <source>läuft</source>
        <translation>running</translation>
    </message>
    <message>
        <source>beendet</source>
        <translation>ended</translation>
    </message>
</context>
<context>
    <name>MembersCard</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Aus dem Fall entfernen</source>
        <translation>Remove from the case</translation>
    </message>
    <message>
        <source>Vorname</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Nachname</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Rolle in der Familie</source>
        <translation>Role in the family</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>z. B. Türkisch, Deutsch</source>
        <translation>e.g. Turkish, German</translation>
    </message>
    <message>
        <source>Lebt im Haushalt</source>
        <translation>Lives in the household</translation>
    </message>
    <message>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Noch keine Personen erfasst.</source>
        <translation>No persons recorded yet.</translation>
    </message>
    <message>
        <source>Person hinzufügen</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source> · geb. %1</source>
        <translation> · born %1</translation>
    </message>
    <message>
        <source>Sprachen: %1</source>
        <translation>Languages: %1</translation>
    </message>
    <message>
        <source>lebt nicht im Haushalt</source>
        <translation>does not live in the household</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: kürzer</source>
        <translation>%1: shorter</translation>
    </message>
    <message>
        <source>1 Minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>%1 Minuten</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>%1: länger</source>
        <translation>%1: longer</translation>
    </message>
</context>
<context>
    <name>NetworkMapEditor</name>
    <message>
        <source>Kontakt an dieser Stelle hinzufügen</source>
        <translation>Add a contact at this place</translation>
    </message>
    <message>
        <source>%1, %2, Ring %3, %4</source>
        <translation>%1, %2, ring %3, %4</translation>
    </message>
    <message>
        <source>Netzwerkkarte mit einem Kontakt</source>
        <translation>Network map with one contact</translation>
    </message>
    <message>
        <source>Netzwerkkarte mit %1 Kontakten</source>
        <translation>Network map with %1 contacts</translation>
    </message>
</context>
<context>
    <name>OfferDelegate</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Bearbeitungskonflikt</source>
        <translation>Edit conflict</translation>
    </message>
    <message>
        <source>Prüfung fällig</source>
        <translation>check due</translation>
    </message>
</context>
<context>
    <name>OfferDetailCard</name>
    <message>
        <source>Angebot %1</source>
        <translation>Offer %1</translation>
    </message>
    <message>
        <source>Kein Angebot gewählt</source>
        <translation>No offer chosen</translation>
    </message>
    <message>
        <source>Angebot wählen</source>
        <translation>Choose an offer</translation>
    </message>
    <message>
        <source>Tippen Sie links auf ein Angebot, um Träger, Ort, Zeiten, Kontakt und Hinweise zur Inklusion zu sehen.</source>
        <translation>Tap an offer on the left to see provider, place, times, contact and inclusion notes.</translation>
    </message>
    <message>
        <source>In den Angeboten blättern</source>
        <translation>Scroll through the offers</translation>
    </message>
    <message>
        <source>Details schließen</source>
        <translation>Close the detail</translation>
    </message>
    <message>
        <source>Zu diesem Angebot gibt es gleichzeitige Änderungen von zwei Geräten. Beim Korrigieren entscheiden Sie, was gilt.</source>
        <translation>Two devices changed this offer at the same time. When you correct it, you decide what applies.</translation>
    </message>
    <message>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Zeiten</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>Alter</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Kosten</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Zugang</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Inklusion</source>
        <translation>Inclusion</translation>
    </message>
    <message>
        <source>%1 – bitte bei Gelegenheit nachfragen.</source>
        <translation>%1 – please check when you can.</translation>
    </message>
    <message>
        <source>Korrigieren oder bestätigen</source>
        <translation>Correct or confirm</translation>
    </message>
    <message>
        <source>Angebot korrigieren oder als geprüft bestätigen</source>
        <translation>Correct the offer or confirm it as checked</translation>
    </message>
</context>
<context>
    <name>OfferEditPage</name>
    <message>
        <source>Leer lassen, um die Nummer des Trägers zu nutzen: %1</source>
        <translation>Leave empty to use the provider’s number: %1</translation>
    </message>
    <message>
        <source>Leer lassen, um die E-Mail-Adresse des Trägers zu nutzen: %1</source>
        <translation>Leave empty to use the provider’s e-mail address: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Neues Angebot</source>
        <translation>New offer</translation>
    </message>
    <message>
        <source>Angebot korrigieren</source>
        <translation>Correct offer</translation>
    </message>
    <message>
        <source>Abbrechen, nichts speichern</source>
        <translation>Cancel, save nothing</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Speichern und als heute geprüft vermerken</source>
        <translation>Save and record as checked today</translation>
    </message>
    <message>
        <source>Im Formular blättern</source>
        <translation>Scroll the form</translation>
    </message>
    <message>
        <source>Beim Speichern wird das Angebot mit dem heutigen Datum als geprüft vermerkt.</source>
        <translation>Saving records the offer as checked today.</translation>
    </message>
    <message>
        <source>%1. Beim Speichern wird es mit dem heutigen Datum als geprüft vermerkt.</source>
        <translation>%1. Saving records it as checked today.</translation>
    </message>
    <message>
        <source>Name des Angebots *</source>
        <translation>Name of the offer *</translation>
    </message>
    <message>
        <source>z. B. Fußball für Kinder</source>
        <translation>e.g. Football for children</translation>
    </message>
    <message>
        <source>Träger *</source>
        <translation>Provider *</translation>
    </message>
    <message>
        <source>Kategorie *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <source>Sozialraum *</source>
        <translation>Social space *</translation>
    </message>
    <message>
        <source>Zugang *</source>
        <translation>Access *</translation>
    </message>
    <message>
        <source>Kosten</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>keine Angabe</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>Hinweis zu Kosten</source>
        <translation>Note on costs</translation>
    </message>
    <message>
        <source>z. B. über Bildung und Teilhabe erstattungsfähig</source>
        <translation>e.g. refundable through Bildung und Teilhabe</translation>
    </message>
    <message>
        <source>Alter von</source>
        <translation>Age from</translation>
    </message>
    <message>
        <source>z. B. 6</source>
        <translation>e.g. 6</translation>
    </message>
    <message>
        <source>Alter bis</source>
        <translation>Age to</translation>
    </message>
    <message>
        <source>z. B. 10</source>
        <translation>e.g. 10</translation>
    </message>
    <message>
        <source>Zeiten</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>z. B. Di und Do 16:30–18:00 Uhr</source>
        <translation>e.g. Tue and Thu 4:30–6 pm</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>z. B. Jugendhaus Garstedt</source>
        <translation>e.g. Jugendhaus Garstedt</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Straße Nr., PLZ Ort</source>
        <translation>Street no., postcode town</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Webseite</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>z. B. Deutsch, Türkisch</source>
        <translation>e.g. German, Turkish</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Hinweise zur Inklusion</source>
        <translation>Inclusion notes</translation>
    </message>
    <message>
        <source>z. B. Trainer hat Erfahrung mit Kindern im Autismus-Spektrum; barrierefreier Zugang</source>
        <translation>e.g. coach experienced with autistic children, step-free access</translation>
    </message>
</context>
<context>
    <name>OfferFilterChip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>%1: alle</source>
        <translation>%1: all</translation>
    </message>
</context>
<context>
    <name>OfferFilterRow</name>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Alter</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Zugang</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Kostenlos</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
</context>
<context>
    <name>OfferMapPage</name>
    <message>
        <source>Angebote</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Zurück zu den Fällen</source>
        <translation>Back to the cases</translation>
    </message>
    <message>
        <source>Noch keine Angebote auf diesem Gerät</source>
        <translation>No offers on this device yet</translation>
    </message>
    <message>
        <source>%1 von %2 angezeigt</source>
        <translation>%1 of %2 shown</translation>
    </message>
    <message>
        <source>Sozialräume</source>
        <translation>Social spaces</translation>
    </message>
    <message>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Sozialräume schematisch zeigen</source>
        <translation>Show the social spaces schematically</translation>
    </message>
    <message>
        <source>Angebotsliste zeigen</source>
        <translation>Show the offer list</translation>
    </message>
    <message>
        <source>Neues Angebot</source>
        <translation>New offer</translation>
    </message>
    <message>
        <source>Neues Angebot erfassen</source>
        <translation>Add a new offer</translation>
    </message>
    <message>
        <source>Angebote durchsuchen, z. B. Fußball, Beratung, Kita</source>
        <translation>Search offers, e.g. football, counselling, day care</translation>
    </message>
    <message>
        <source>Angebotsliste</source>
        <translation>Offer list</translation>
    </message>
    <message>
        <source>In der Angebotsliste blättern</source>
        <translation>Scroll the offer list</translation>
    </message>
    <message>
        <source>Keine Treffer</source>
        <translation>No matches</translation>
    </message>
    <message>
        <source>Noch keine Angebote</source>
        <translation>No offers yet</translation>
    </message>
    <message>
        <source>Kein Angebot passt zu Suche und Filtern. Lockern Sie die Filter – und notieren Sie im Fall, was fehlt.</source>
        <translation>No offer matches the search and filters. Loosen the filters – and note in the case what is missing.</translation>
    </message>
    <message>
        <source>Erfassen Sie das erste Angebot, oder synchronisieren Sie, um die Angebotskarte Ihrer Organisation zu laden.</source>
        <translation>Add the first offer, or sync to load your organisation’s offer map.</translation>
    </message>
    <message>
        <source>Tippen Sie auf einen Sozialraum, um seine Angebote zu sehen.</source>
        <translation>Tap a social space to see its offers.</translation>
    </message>
    <message>
        <source>Was Familien fehlt (%1)</source>
        <translation>What families miss (%1)</translation>
    </message>
    <message>
        <source>Rückmeldungen zeigen, was Familien fehlt</source>
        <translation>Show what families say is missing</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>1 Angebot</source>
        <translation>1 offer</translation>
    </message>
    <message>
        <source>%1 Angebote</source>
        <translation>%1 offers</translation>
    </message>
    <message>
        <source>1 Sozialraum</source>
        <translation>1 social space</translation>
    </message>
    <message>
        <source>%1 Sozialräumen</source>
        <translation>%1 social spaces</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Passphrase verbergen</source>
        <translation>Hide passphrase</translation>
    </message>
    <message>
        <source>Passphrase anzeigen</source>
        <translation>Show passphrase</translation>
    </message>
</context>
<context>
    <name>ProgressCard</name>
    <message>
        <source>Verlaufsberichte</source>
        <translation>Progress reports</translation>
    </message>
    <message>
        <source>Noch kein Verlaufsbericht. Die Familienhilfe des freien Trägers berichtet hier zu den Zielen und Aufträgen des Falls; die Berichte fließen in die Überprüfung des Hilfeplans.</source>
        <translation>No progress report yet. The free provider’s family helper reports here on the case’s goals and mandates; the reports feed the review of the help plan.</translation>
    </message>
    <message>
        <source>Verlaufsbericht schreiben</source>
        <translation>Write progress report</translation>
    </message>
    <message>
        <source>Verlaufsbericht vom %1 von %2</source>
        <translation>Progress report of %1 by %2</translation>
    </message>
    <message>
        <source>Verlaufsbericht vom %1</source>
        <translation>Progress report of %1</translation>
    </message>
    <message>
        <source>Zeitraum %1</source>
        <translation>Period %1</translation>
    </message>
    <message>
        <source>Ziel: %1</source>
        <translation>Goal: %1</translation>
    </message>
    <message>
        <source>Auftrag: %1</source>
        <translation>Mandate: %1</translation>
    </message>
    <message>
        <source> · jetzt %1 von 10</source>
        <translation> · now %1 of 10</translation>
    </message>
    <message>
        <source> (Ziel %1)</source>
        <translation> (goal %1)</translation>
    </message>
    <message>
        <source>Was geschah: %1</source>
        <translation>What happened: %1</translation>
    </message>
    <message>
        <source>Was die Familie selbst getan hat: %1</source>
        <translation>What the family did itself: %1</translation>
    </message>
</context>
<context>
    <name>ProgressReportDialog</name>
    <message>
        <source>Verlaufsbericht schreiben</source>
        <translation>Write progress report</translation>
    </message>
    <message>
        <source>Der Fall hat keine offenen Ziele oder Aufträge, zu denen berichtet werden könnte.</source>
        <translation>The case has no open goals or mandates to report on.</translation>
    </message>
    <message>
        <source>Ziel (%1): %2</source>
        <translation>Goal (%1): %2</translation>
    </message>
    <message>
        <source>Auftrag: %1</source>
        <translation>Mandate: %1</translation>
    </message>
    <message>
        <source>Wo steht die Familie jetzt? Zuletzt %1 von 10, Ziel %2.</source>
        <translation>Where does the family stand now? Last %1 of 10, goal %2.</translation>
    </message>
    <message>
        <source>Jetzt</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Was geschah?</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <source>Was geschah bei %1</source>
        <translation>What happened with %1</translation>
    </message>
    <message>
        <source>Was hat die Familie selbst getan?</source>
        <translation>What did the family do itself?</translation>
    </message>
    <message>
        <source>Was die Familie selbst getan hat bei %1</source>
        <translation>What the family did itself with %1</translation>
    </message>
    <message>
        <source>Berichtszeitraum (freiwillig): von – bis</source>
        <translation>Reporting period (optional): from – to</translation>
    </message>
    <message>
        <source>Zeitraum von</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Zeitraum bis</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>Zusammenfassung (freiwillig)</source>
        <translation>Summary (optional)</translation>
    </message>
    <message>
        <source>Zusammenfassung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Bitte wählen</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportTable</name>
    <message>
        <source>Summe</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Berichte</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Anonymisiert für die Jugendhilfeplanung, aus den Fällen auf diesem Gerät</source>
        <translation>Anonymised for youth-welfare planning, from the cases on this device</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Als %1 exportieren</source>
        <translation>Export as %1</translation>
    </message>
    <message>
        <source>Im Bericht blättern</source>
        <translation>Scroll the report</translation>
    </message>
    <message>
        <source>Bericht</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>Kein Bericht für diese Auswahl</source>
        <translation>No report for this choice</translation>
    </message>
    <message>
        <source>Stichtag Ende %1</source>
        <translation>Reference date end of %1</translation>
    </message>
    <message>
        <source>alle Sozialräume</source>
        <translation>all social spaces</translation>
    </message>
    <message>
        <source>Werte unter %1 als „&lt;%1“, zum Schutz gesperrte als „x“</source>
        <translation>values below %1 as “&lt;%1”, values withheld for protection as “x”</translation>
    </message>
    <message>
        <source>So ist gezählt und geschützt</source>
        <translation>How it is counted and protected</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Für die Jugendhilfeplanung veröffentlicht, anonymisiert</source>
        <translation>Published for youth-welfare planning, anonymised</translation>
    </message>
    <message>
        <source>Quelle</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>ResourcesCard</name>
    <message>
        <source>Ressource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Bereich</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Was trägt?</source>
        <translation>What helps?</translation>
    </message>
    <message>
        <source>Wessen Ressource?</source>
        <translation>Whose resource?</translation>
    </message>
    <message>
        <source>die ganze Familie</source>
        <translation>the whole family</translation>
    </message>
    <message>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Was die Familie stark macht – in vier Bereichen.</source>
        <translation>What makes the family strong – in four areas.</translation>
    </message>
    <message>
        <source>Ressource hinzufügen: %1</source>
        <translation>Add resource: %1</translation>
    </message>
</context>
<context>
    <name>ScaleEditor</name>
    <message>
        <source>%1: %2 von 10</source>
        <translation>%1: %2 of 10</translation>
    </message>
    <message>
        <source>%1 auf %2 setzen</source>
        <translation>Set %1 to %2</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Suche leeren</source>
        <translation>Clear search</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Zurück zu den Fällen</source>
        <translation>Back to the cases</translation>
    </message>
    <message>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>In den Einstellungen blättern</source>
        <translation>Scroll the settings</translation>
    </message>
    <message>
        <source>Gerät anmelden</source>
        <translation>Enrol device</translation>
    </message>
    <message>
        <source>Ihre Administration erzeugt für dieses Gerät einen Anmeldecode. Fügen Sie ihn hier ein und geben Sie dem Gerät einen Namen, an dem Ihr Team es erkennt.</source>
        <translation>Your administration creates an enrolment code for this device. Paste it here and give the device a name your team will recognise.</translation>
    </message>
    <message>
        <source>Anmeldecode</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Gerätename</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>z. B. Tablet ASD Garstedt</source>
        <translation>e.g. Tablet ASD Garstedt</translation>
    </message>
    <message>
        <source>Wird angemeldet …</source>
        <translation>Enrolling …</translation>
    </message>
    <message>
        <source>Vergleichen Sie diesen Code mit der Anzeige bei Ihrer Administration. Stimmen beide überein, gibt die Administration das Gerät frei – tippen Sie dann auf „Weiter“.</source>
        <translation>Compare this code with the one your administration sees. If both match, the administration admits the device – then tap “Continue”.</translation>
    </message>
    <message>
        <source>Weicht der Code ab, brechen Sie ab und informieren Sie Ihre Administration.</source>
        <translation>If the codes differ, cancel and tell your administration.</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wartet auf Freigabe …</source>
        <translation>Waiting for admission …</translation>
    </message>
    <message>
        <source>Nicht mehr warten</source>
        <translation>Stop waiting</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Synchronisierung</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Jetzt synchronisieren</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Dieses Gerät ist noch mit keinem Server verbunden: Alles bleibt bis zur Anmeldung nur auf diesem Gerät.</source>
        <translation>This device is not connected to a server yet: until it is enrolled, everything stays on it alone.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Kennung für die Administration</source>
        <translation>Identifier for the administration</translation>
    </message>
    <message>
        <source>Zuletzt synchronisiert</source>
        <translation>Last synced</translation>
    </message>
    <message>
        <source>dd.MM.yyyy, HH:mm &apos;Uhr&apos;</source>
        <translation>d MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>noch nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Noch nicht übertragen</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <source>nichts – alles übertragen</source>
        <translation>nothing – everything sent</translation>
    </message>
    <message>
        <source>1 Änderung</source>
        <translation>1 change</translation>
    </message>
    <message>
        <source>%1 Änderungen</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <source>Automatisch alle</source>
        <translation>Automatically every</translation>
    </message>
    <message>
        <source>Automatisch synchronisieren alle</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <source>Sperre</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Sperren nach</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <source>Automatisch sperren nach</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <source>Ohne Eingabe sperrt sich Quartier nach dieser Zeit – und sofort, sobald die App in den Hintergrund geht. Zum Entsperren brauchen Sie Ihre Passphrase.</source>
        <translation>Without input Quartier locks itself after this time – and at once when the app goes to the background. To unlock it you need your passphrase.</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sprache: %1</source>
        <translation>Language: %1</translation>
    </message>
    <message>
        <source>Die Sprache wechselt sofort und bleibt beim nächsten Start erhalten.</source>
        <translation>The language changes at once and is kept for the next start.</translation>
    </message>
    <message>
        <source>Geräte der Organisation</source>
        <translation>The organisation&apos;s devices</translation>
    </message>
    <message>
        <source>Sobald dieses Gerät angemeldet ist, stehen hier alle Geräte Ihrer Organisation.</source>
        <translation>Once this device is enrolled, every device of your organisation is listed here.</translation>
    </message>
    <message>
        <source>So, wie Ihre Administration sie eingetragen hat. Geräte anmelden und sperren kann nur die Administration.</source>
        <translation>As your administration registered them. Only your administration enrols and revokes devices.</translation>
    </message>
    <message>
        <source>%1, %2%3</source>
        <translation>%1, %2%3</translation>
    </message>
    <message>
        <source>, gesperrt</source>
        <translation>, revoked</translation>
    </message>
    <message>
        <source>, dieses Gerät</source>
        <translation>, this device</translation>
    </message>
    <message>
        <source>%1 (dieses Gerät)</source>
        <translation>%1 (this device)</translation>
    </message>
    <message>
        <source>%1 · gesperrt</source>
        <translation>%1 · revoked</translation>
    </message>
</context>
<context>
    <name>ShareCaseDialog</name>
    <message>
        <source>Fall teilen</source>
        <translation>Share case</translation>
    </message>
    <message>
        <source>„%1“ mit dem Gerät einer Kollegin oder eines Kollegen teilen. Das Gerät erhält den ganzen Fall mit seinem Verlauf – nicht aber Ihre anvertrauten Vermerke (§ 65 SGB VIII).</source>
        <translation>Share “%1” with a colleague’s device. The device receives the whole case with its history – but not your entrusted notes (§ 65 SGB VIII).</translation>
    </message>
    <message>
        <source>Teilen braucht eine Verbindung zum Server. Auf dem anderen Gerät erscheint der Fall nach dessen nächster Synchronisierung.</source>
        <translation>Sharing needs a connection to the server. The case appears on the other device after its next sync.</translation>
    </message>
    <message>
        <source>Bisher hat nur dieses Gerät den Fall.</source>
        <translation>So far only this device has the case.</translation>
    </message>
    <message>
        <source>Wird geladen …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <source>Geräte Ihrer Organisation</source>
        <translation>Your organisation’s devices</translation>
    </message>
    <message>
        <source>Hat den Fall schon</source>
        <translation>Has the case already</translation>
    </message>
    <message>
        <source>Kann den Fall erhalten</source>
        <translation>Can receive the case</translation>
    </message>
    <message>
        <source>Kann den Fall nicht erhalten</source>
        <translation>Cannot receive the case</translation>
    </message>
    <message>
        <source>hat den Fall schon</source>
        <translation>has the case already</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Wird geteilt …</source>
        <translation>Sharing …</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Mit „%1“ teilen</source>
        <translation>Share with “%1”</translation>
    </message>
    <message>
        <source>Teilen</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Wird zurückgenommen …</source>
        <translation>Taking it back …</translation>
    </message>
    <message>
        <source>Von „%1“ zurücknehmen</source>
        <translation>Take back from “%1”</translation>
    </message>
    <message>
        <source>Freie Träger</source>
        <translation>Free providers</translation>
    </message>
    <message>
        <source>%1 – zugewiesen</source>
        <translation>%1 – assigned</translation>
    </message>
    <message>
        <source>Zuweisung zurücknehmen</source>
        <translation>Withdraw assignment</translation>
    </message>
    <message>
        <source>Zuweisen</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Zuweisung an %1 zurücknehmen</source>
        <translation>Withdraw the assignment to %1</translation>
    </message>
    <message>
        <source>Fall dem Träger %1 zuweisen</source>
        <translation>Assign the case to the provider %1</translation>
    </message>
    <message>
        <source>Wird zugewiesen …</source>
        <translation>Assigning …</translation>
    </message>
</context>
<context>
    <name>SocialSpaceMap</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sozialräume schematisch</source>
        <translation>Social spaces, schematic</translation>
    </message>
    <message>
        <source>%1 Angebote</source>
        <translation>%1 offers</translation>
    </message>
    <message>
        <source>%1× fehlt</source>
        <translation>%1× missing</translation>
    </message>
    <message>
        <source>Fehlt laut Familien: %1</source>
        <translation>Missing according to families: %1</translation>
    </message>
    <message>
        <source>Noch keine Rückmeldung, dass etwas fehlt</source>
        <translation>No reports yet that something is missing</translation>
    </message>
    <message>
        <source>1 Angebot</source>
        <translation>1 offer</translation>
    </message>
    <message>
        <source>%1, Region %2: %3, %4-mal als fehlend genannt: %5</source>
        <translation>%1, region %2: %3, named missing %4 times: %5</translation>
    </message>
    <message>
        <source>%1, Region %2: %3</source>
        <translation>%1, region %2: %3</translation>
    </message>
    <message>
        <source>Region %1 · %2</source>
        <translation>Region %1 · %2</translation>
    </message>
</context>
<context>
    <name>StoreProblem</name>
    <message>
        <source>Der Speicher dieses Geräts ist voll. Ihre Eingaben sind nicht verloren, sie stehen noch hier. Geben Sie Speicherplatz frei (z. B. Fotos oder Videos löschen) und speichern Sie dann erneut.</source>
        <translation>This device’s storage is full. Your input is not lost; it is still here. Free some space (for example, delete photos or videos) and then save again.</translation>
    </message>
    <message>
        <source>Der Datenspeicher dieses Geräts meldet einen Schreibfehler. Ihre Eingaben sind nicht verloren, sie stehen noch hier. Versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration.</source>
        <translation>This device’s data store reports a write error. Your input is not lost; it is still here. Try again; if that does not help, contact your administration.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Zuletzt synchronisiert um %1 Uhr</source>
        <translation>Last synced at %1</translation>
    </message>
    <message>
        <source>Zuletzt synchronisiert am %1</source>
        <translation>Last synced on %1</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>1 Änderung ausstehend</source>
        <translation>1 change pending</translation>
    </message>
    <message>
        <source>%1 Änderungen ausstehend</source>
        <translation>%1 changes pending</translation>
    </message>
    <message>
        <source>Wird synchronisiert …</source>
        <translation>Syncing …</translation>
    </message>
    <message>
        <source>Offline · %1 ausstehend</source>
        <translation>Offline · %1 pending</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Synchronisierung gestört</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>Wartet auf Freigabe</source>
        <translation>Waiting for admission</translation>
    </message>
    <message>
        <source>Nur auf diesem Gerät</source>
        <translation>On this device only</translation>
    </message>
    <message>
        <source>Noch nicht synchronisiert</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Synchronisierung: %1. Zu den Einstellungen</source>
        <translation>Sync: %1. Open the settings</translation>
    </message>
    <message>
        <source>Synchronisierung: %1. Jetzt synchronisieren</source>
        <translation>Sync: %1. Sync now</translation>
    </message>
    <message>
        <source>1 Bearbeitungskonflikt klären</source>
        <translation>Resolve 1 edit conflict</translation>
    </message>
    <message>
        <source>%1 Bearbeitungskonflikte klären</source>
        <translation>Resolve %1 edit conflicts</translation>
    </message>
    <message>
        <source>Synchronisierung: %1. Zu den Bearbeitungskonflikten</source>
        <translation>Sync: %1. Go to the edit conflicts</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Sozialraumteam</source>
        <translation>Social-space team</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Fallübersicht des Teams: Pseudonyme statt Namen, keine Inhalte der Fälle</source>
        <translation>The team&apos;s case overview: pseudonyms instead of names, no case content</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>In der Fallübersicht blättern</source>
        <translation>Scroll the case overview</translation>
    </message>
    <message>
        <source>%1 offene Fälle</source>
        <translation>%1 open cases</translation>
    </message>
    <message>
        <source>offene Fälle</source>
        <translation>open cases</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Fälle je Fachkraft</source>
        <translation>Cases per worker</translation>
    </message>
    <message>
        <source>%1: %2 Fälle, davon %3 im Gefährdungsbereich</source>
        <translation>%1: %2 cases, %3 of them at risk of harm</translation>
    </message>
    <message>
        <source>%1 (%2 Gefährdung)</source>
        <translation>%1 (%2 at risk)</translation>
    </message>
    <message>
        <source>Überprüfungen in 14 Tagen</source>
        <translation>Reviews within 14 days</translation>
    </message>
    <message>
        <source>Keine Überprüfung fällig.</source>
        <translation>No review due.</translation>
    </message>
    <message>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>fällig</source>
        <translation>due</translation>
    </message>
    <message>
        <source>Auflagen überfällig</source>
        <translation>Requirements overdue</translation>
    </message>
    <message>
        <source>Keine Auflage über ihrer Frist.</source>
        <translation>No requirement past its deadline.</translation>
    </message>
    <message>
        <source>Frist %1</source>
        <translation>Deadline %1</translation>
    </message>
    <message>
        <source>Alle Fälle des Teams</source>
        <translation>All cases of the team</translation>
    </message>
    <message>
        <source>Hilfen: %1</source>
        <translation>Help: %1</translation>
    </message>
    <message>
        <source>Überprüfung %1</source>
        <translation>Review %1</translation>
    </message>
    <message>
        <source>Auflage überfällig</source>
        <translation>Requirement overdue</translation>
    </message>
    <message>
        <source>Überprüfung überfällig</source>
        <translation>Review overdue</translation>
    </message>
    <message numerus="yes">
        <source>Fehlerhafte Einträge der Fallübersicht, nicht gezeigt: %n</source>
        <translation>
            <numerusform>%n faulty entry of the case overview is not shown.</numerusform>
            <numerusform>%n faulty entries of the case overview are not shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Abgeschlossene Fälle am Ende der Liste: %n</source>
        <translation>
            <numerusform>%n closed case at the end of the list.</numerusform>
            <numerusform>%n closed cases at the end of the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kollegiale Beratungen</source>
        <translation>Peer consultations</translation>
    </message>
    <message>
        <source>Noch keine Beratung: Eine Fachkraft bereitet sie im Fall vor („Beratung“).</source>
        <translation>No consultation yet: a caseworker prepares one in the case (“Consultation”).</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>vorbereitet von %1 am %2</source>
        <translation>prepared by %1 on %2</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>%1 Sekunden</source>
        <translation>%1 seconds</translation>
    </message>
    <message>
        <source>einer Minute</source>
        <translation>one minute</translation>
    </message>
    <message>
        <source>%1 Minuten</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>Datenspeicher einrichten</source>
        <translation>Set up data store</translation>
    </message>
    <message>
        <source>Entsperren</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Quartier ist gesperrt</source>
        <translation>Quartier is locked</translation>
    </message>
    <message numerus="yes">
        <source>Quartier speichert Fälle, Vermerke und Kontakte verschlüsselt auf diesem Gerät. Wählen Sie eine Passphrase mit mindestens %n Zeichen – am besten mehrere Wörter, die nur Sie kennen.</source>
        <translation>
            <numerusform>Quartier stores cases, notes and contacts encrypted on this device. Choose a passphrase of at least %n character – ideally several words only you know.</numerusform>
            <numerusform>Quartier stores cases, notes and contacts encrypted on this device. Choose a passphrase of at least %n characters – ideally several words only you know.</numerusform>
        </translation>
    </message>
    <message>
        <source>Geben Sie Ihre Passphrase ein, um weiterzuarbeiten. Quartier sperrt sich nach %1 ohne Eingabe und sobald die App in den Hintergrund geht.</source>
        <translation>Enter your passphrase to continue. Quartier locks itself after %1 without input and as soon as the app goes to the background.</translation>
    </message>
    <message>
        <source>Neue Passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase wiederholen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>Die Passphrase kann nicht wiederhergestellt werden. Ohne sie sind die Daten auf diesem Gerät nicht mehr lesbar.</source>
        <translation>The passphrase cannot be recovered. Without it, the data on this device can no longer be read.</translation>
    </message>
    <message>
        <source>Erneut versuchen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Wird eingerichtet …</source>
        <translation>Setting up …</translation>
    </message>
    <message>
        <source>Wird entsperrt …</source>
        <translation>Unlocking …</translation>
    </message>
    <message>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>Schlüssel werden erzeugt …</source>
        <translation>Generating keys …</translation>
    </message>
    <message>
        <source>Schlüssel wird geprüft …</source>
        <translation>Checking key …</translation>
    </message>
</context>
<context>
    <name>VisitHeader</name>
    <message>
        <source>Besuch unterbrechen, zurück zu den Fällen</source>
        <translation>Pause the visit, back to the cases</translation>
    </message>
    <message>
        <source>Hausbesuch · %1</source>
        <translation>Home visit · %1</translation>
    </message>
    <message>
        <source>Begonnen am %1 · abgeschlossen</source>
        <translation>Started %1 · finished</translation>
    </message>
    <message>
        <source>Begonnen am %1 · Entwurf fortgesetzt</source>
        <translation>Started %1 · draft resumed</translation>
    </message>
    <message>
        <source>Begonnen am %1 · Entwurf</source>
        <translation>Started %1 · draft</translation>
    </message>
    <message>
        <source>Wird gespeichert …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Gespeichert</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Schritt %1 von %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>VisitStepFinish</name>
    <message>
        <source>Anwesend</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nein</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Entfällt</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Wille</source>
        <translation>Will</translation>
    </message>
    <message>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Erfasst</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Kind gesehen</source>
        <translation>Child seen</translation>
    </message>
    <message>
        <source>Fehlt</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>1 Aussage</source>
        <translation>1 statement</translation>
    </message>
    <message>
        <source>%1 Aussagen</source>
        <translation>%1 statements</translation>
    </message>
    <message>
        <source>vorhanden, anvertraut</source>
        <translation>written, entrusted</translation>
    </message>
    <message>
        <source>vorhanden, im Fall</source>
        <translation>written, in the case</translation>
    </message>
    <message>
        <source>Alles Nötige ist erfasst. Nach dem Abschluss bleibt der Besuch unverändert; Ergänzungen erfassen Sie als neue Einträge.</source>
        <translation>Everything needed is recorded. After finishing, the visit stays as it is; you record additions as new entries.</translation>
    </message>
    <message>
        <source>Besuch abschließen</source>
        <translation>Finish the visit</translation>
    </message>
    <message>
        <source>Besuch abgeschlossen</source>
        <translation>Visit finished</translation>
    </message>
    <message>
        <source>Alle Antworten sind gespeichert und werden bei der nächsten Synchronisierung übertragen.</source>
        <translation>All answers are saved and will be sent with the next sync.</translation>
    </message>
    <message>
        <source>Zurück zu den Fällen</source>
        <translation>Back to the cases</translation>
    </message>
</context>
<context>
    <name>VisitStepHow</name>
    <message>
        <source>Noch nichts zu fragen</source>
        <translation>Nothing to ask yet</translation>
    </message>
    <message>
        <source>Halten Sie unter „Was fehlt“ etwas fest oder markieren Sie ein Angebot als bekannt, früher genutzt oder unbekannt: Dann fragen Sie hier, wie es sein müsste.</source>
        <translation>Record something under “What is missing” or mark an offer as known, used before or unknown: then ask here how it would have to be.</translation>
    </message>
    <message>
        <source>Wie müsste es sein? (wörtlich)</source>
        <translation>How would it have to be? (verbatim)</translation>
    </message>
    <message>
        <source>„…“ – in den Worten der Familie</source>
        <translation>“…” – in the family&apos;s words</translation>
    </message>
    <message>
        <source>Worum geht es? (für die Bedarfsplanung, ohne die Worte der Familie)</source>
        <translation>What is it about? (for needs planning, without the family’s words)</translation>
    </message>
    <message>
        <source>Einordnung: %1</source>
        <translation>Category: %1</translation>
    </message>
</context>
<context>
    <name>VisitStepMissing</name>
    <message>
        <source>Festgehalten: „%1“. Es steht unten in der Liste; dort können Sie festhalten, was die Familie davon abhält.</source>
        <translation>Recorded: “%1”. It is in the list below, where you can say what keeps the family from it.</translation>
    </message>
    <message>
        <source>Wählen Sie eine Kategorie, dann können Sie es festhalten.</source>
        <translation>Choose a category, then you can record it.</translation>
    </message>
    <message>
        <source>Früher genannt</source>
        <translation>Named earlier</translation>
    </message>
    <message>
        <source>Was fehlt</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>Was fehlt oder wird gewünscht?</source>
        <translation>What is missing or wanted?</translation>
    </message>
    <message>
        <source>z. B. Betreuung am Nachmittag</source>
        <translation>e.g. afternoon childcare</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kategorie: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <source>Festhalten</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Fehlendes Angebot festhalten</source>
        <translation>Record the missing offer</translation>
    </message>
    <message>
        <source>„%1“ entfernen</source>
        <translation>Remove “%1”</translation>
    </message>
    <message>
        <source>Was hält die Familie davon ab?</source>
        <translation>What keeps the family from it?</translation>
    </message>
    <message>
        <source>Hürde %1</source>
        <translation>Barrier %1</translation>
    </message>
</context>
<context>
    <name>VisitStepOffers</name>
    <message>
        <source>Früher: %1</source>
        <translation>Earlier: %1</translation>
    </message>
    <message>
        <source>Keine Angebote erfasst</source>
        <translation>No offers recorded</translation>
    </message>
    <message>
        <source>Für den Sozialraum %1 sind auf diesem Gerät noch keine Angebote gespeichert. Was der Familie fehlt, können Sie im nächsten Schritt festhalten.</source>
        <translation>No offers for the social space %1 are stored on this device yet. You can record what the family is missing in the next step.</translation>
    </message>
    <message>
        <source>bekannt</source>
        <translation>known</translation>
    </message>
    <message>
        <source>genutzt</source>
        <translation>used</translation>
    </message>
    <message>
        <source>früher genutzt</source>
        <translation>used before</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Angebot suchen: Name, Ort oder Kategorie</source>
        <translation>Search offers: name, place or category</translation>
    </message>
    <message>
        <source>Kein Angebot gefunden</source>
        <translation>No offer found</translation>
    </message>
    <message>
        <source>Kein Angebot in %1 passt zu „%2“. Was der Familie fehlt, können Sie im nächsten Schritt festhalten.</source>
        <translation>No offer in %1 matches “%2”. You can record what the family is missing in the next step.</translation>
    </message>
</context>
<context>
    <name>VisitStepWho</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>anwesend</source>
        <translation>present</translation>
    </message>
    <message>
        <source>nicht anwesend</source>
        <translation>not present</translation>
    </message>
    <message>
        <source>Noch keine Familienmitglieder</source>
        <translation>No family members yet</translation>
    </message>
    <message>
        <source>Im Fall sind noch keine Personen erfasst. Legen Sie sie auf der Seite des Falls unter „Familie“ an.</source>
        <translation>No persons are recorded in this case yet. Add them on the case&apos;s page under “Family”.</translation>
    </message>
    <message>
        <source>Wurde das Kind gesehen?</source>
        <translation>Was the child seen?</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nein</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Entfällt</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Kind gesehen: %1</source>
        <translation>Child seen: %1</translation>
    </message>
    <message>
        <source>Wurden die Kinder gesehen?</source>
        <translation>Were the children seen?</translation>
    </message>
    <message>
        <source>Gesehen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Nicht gesehen</source>
        <translation>Not seen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>VisitStepWill</name>
    <message>
        <source>Früher gesagt</source>
        <translation>Said earlier</translation>
    </message>
    <message>
        <source>Wählen Sie oben einen Bereich, dann können Sie die Ressource festhalten.</source>
        <translation>Choose an area above, then you can record the resource.</translation>
    </message>
    <message>
        <source>Schon bekannt</source>
        <translation>Already known</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Bereich: %1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <source>Wille</source>
        <translation>Will</translation>
    </message>
    <message>
        <source>%1 · noch ein Wunsch</source>
        <translation>%1 · still a wish</translation>
    </message>
    <message>
        <source>Eigener Beitrag: %1</source>
        <translation>Own contribution: %1</translation>
    </message>
    <message>
        <source>Wille von %1</source>
        <translation>Will of %1</translation>
    </message>
    <message>
        <source>Was will die Person? (O-Ton)</source>
        <translation>What does the person want? (verbatim)</translation>
    </message>
    <message>
        <source>„Ich will …“</source>
        <translation>“I want …”</translation>
    </message>
    <message>
        <source>Was tut sie selbst dafür?</source>
        <translation>What will they do for it themselves?</translation>
    </message>
    <message>
        <source>Ohne eigenen Beitrag bleibt es ein Wunsch.</source>
        <translation>Without an own contribution it remains a wish.</translation>
    </message>
    <message>
        <source>Willen festhalten</source>
        <translation>Record the will</translation>
    </message>
    <message>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Was hilft der Familie?</source>
        <translation>What helps the family?</translation>
    </message>
    <message>
        <source>z. B. Oma wohnt nebenan</source>
        <translation>e.g. grandma lives next door</translation>
    </message>
    <message>
        <source>Ressource festhalten</source>
        <translation>Record the resource</translation>
    </message>
    <message>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Was Sie festhalten möchten …</source>
        <translation>What you want to record …</translation>
    </message>
    <message>
        <source>Anvertraut (§ 65 SGB VIII) – nur für Sie lesbar</source>
        <translation>Entrusted (§ 65 SGB VIII) – readable by you only</translation>
    </message>
    <message>
        <source>Anvertraut (§ 65 SGB VIII): nur für Sie lesbar, bis Sie es mit Rechtsgrundlage weitergeben.</source>
        <translation>Entrusted (§ 65 SGB VIII): readable by you only until you pass it on with a legal basis.</translation>
    </message>
    <message>
        <source>Im Fall: lesbar für alle, mit denen der Fall geteilt ist (z. B. Vertretung, Familienhilfe des Trägers).</source>
        <translation>In the case: readable by everyone the case is shared with (e.g. a deputy, the provider’s family helper).</translation>
    </message>
    <message>
        <source>Ob der Vermerk anvertraut oder im Fall steht, lässt sich nach dem ersten Speichern nicht mehr ändern. Anvertrautes geben Sie nur mit Rechtsgrundlage weiter (Einwilligung oder Befugnis nach § 65 SGB VIII).</source>
        <translation>Whether the note is entrusted or in the case cannot be changed after it was first saved. You pass on what was entrusted only with a legal basis (consent or a power under § 65 SGB VIII).</translation>
    </message>
</context>
<context>
    <name>VisitUnlistedOffers</name>
    <message>
        <source>Ein Angebot, das nicht in der Liste steht?</source>
        <translation>An offer that is not in the list?</translation>
    </message>
    <message>
        <source>Name des Angebots</source>
        <translation>Name of the offer</translation>
    </message>
    <message>
        <source>z. B. Krabbelgruppe der Moschee-Gemeinde</source>
        <translation>e.g. the mosque community’s toddler group</translation>
    </message>
    <message>
        <source>Wo? (Ort oder Träger, wenn bekannt)</source>
        <translation>Where? (place or provider, if known)</translation>
    </message>
    <message>
        <source>z. B. Gemeindehaus am Markt</source>
        <translation>e.g. the parish hall on the market square</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kategorie: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <source>Die Familie …</source>
        <translation>The family …</translation>
    </message>
    <message>
        <source>kennt es</source>
        <translation>knows it</translation>
    </message>
    <message>
        <source>nutzt es</source>
        <translation>uses it</translation>
    </message>
    <message>
        <source>hat es früher genutzt</source>
        <translation>used it before</translation>
    </message>
    <message>
        <source>Festhalten</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Angebot, das nicht in der Liste steht, festhalten</source>
        <translation>Record the offer that is not in the list</translation>
    </message>
    <message>
        <source>Festgehalten: „%1“. Es steht unten in der Liste.</source>
        <translation>Recorded: “%1”. It is in the list below.</translation>
    </message>
    <message>
        <source>Wählen Sie eine Kategorie und ob die Familie das Angebot kennt oder nutzt, dann können Sie es festhalten.</source>
        <translation>Choose a category and whether the family knows or uses the offer, then you can record it.</translation>
    </message>
    <message>
        <source>nicht auf der Karte</source>
        <translation>not on the map</translation>
    </message>
    <message>
        <source>„%1“ entfernen</source>
        <translation>Remove “%1”</translation>
    </message>
    <message>
        <source>Früher genannt, nicht auf der Karte</source>
        <translation>Named before, not on the map</translation>
    </message>
</context>
<context>
    <name>WillGoalsCard</name>
    <message>
        <source>Wille oder Wunsch</source>
        <translation>Will or wish</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Wer sagt das?</source>
        <translation>Who says this?</translation>
    </message>
    <message>
        <source>Wortlaut (O-Ton)</source>
        <translation>Verbatim wording</translation>
    </message>
    <message>
        <source>So, wie die Person es gesagt hat.</source>
        <translation>As the person said it.</translation>
    </message>
    <message>
        <source>Was tue ich selbst dafür?</source>
        <translation>What will I do for it myself?</translation>
    </message>
    <message>
        <source>Ohne eigenen Beitrag bleibt es ein Wunsch.</source>
        <translation>Without an own contribution it stays a wish.</translation>
    </message>
    <message>
        <source>Festgehalten am</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Ziel entfernen</source>
        <translation>Remove goal</translation>
    </message>
    <message>
        <source>Ziel in den Worten der Familie</source>
        <translation>Goal in the family’s words</translation>
    </message>
    <message>
        <source>Ebene</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Gehört zum Richtungsziel (nur Handlungsziele)</source>
        <translation>Belongs to the direction goal (action goals only)</translation>
    </message>
    <message>
        <source>keine Angabe</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Beruht auf dem Willen</source>
        <translation>Rests on the will</translation>
    </message>
    <message>
        <source>Skala jetzt (0–10)</source>
        <translation>Scale now (0–10)</translation>
    </message>
    <message>
        <source>Skala Ziel (0–10)</source>
        <translation>Scale target (0–10)</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vereinbart am</source>
        <translation>Agreed on</translation>
    </message>
    <message>
        <source>Überprüfen am</source>
        <translation>Review on</translation>
    </message>
    <message>
        <source>Handlungsschritt</source>
        <translation>Action step</translation>
    </message>
    <message>
        <source>Schritt entfernen</source>
        <translation>Remove step</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Bis wann</source>
        <translation>By when</translation>
    </message>
    <message>
        <source>Erledigt am</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Wille</source>
        <translation>Will</translation>
    </message>
    <message>
        <source>Noch nichts festgehalten. Was will die Familie erreichen – in ihren Worten?</source>
        <translation>Nothing recorded yet. What does the family want to achieve – in its own words?</translation>
    </message>
    <message>
        <source>Im Wortlaut. Ohne eigenen Beitrag ist es (noch) ein Wunsch.</source>
        <translation>Verbatim. Without an own contribution it is (still) a wish.</translation>
    </message>
    <message>
        <source>Festhalten</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Eigener Beitrag: %1</source>
        <translation>Own contribution: %1</translation>
    </message>
    <message>
        <source>Noch kein eigener Beitrag genannt</source>
        <translation>No own contribution named yet</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>(Person unbekannt)</source>
        <translation>(person unknown)</translation>
    </message>
    <message>
        <source>Wunsch</source>
        <translation>Wish</translation>
    </message>
    <message>
        <source>Ziele</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Noch keine Ziele vereinbart.</source>
        <translation>No goals agreed yet.</translation>
    </message>
    <message>
        <source>Tippen Sie auf einen Wert, um die Skala zu setzen.</source>
        <translation>Tap a value to set the scale.</translation>
    </message>
    <message>
        <source>Ziel hinzufügen</source>
        <translation>Add goal</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Quartier – sozialraumorientierte Fallarbeit</source>
        <translation>Quartier – neighbourhood-oriented casework</translation>
    </message>
    <message>
        <source>Verzeichnis des Datenspeichers.</source>
        <translation>Directory of the data store.</translation>
    </message>
    <message>
        <source>Sprache: de oder en.</source>
        <translation>Language: de or en.</translation>
    </message>
    <message>
        <source>Alle Seiten laden und prüfen, dann beenden.</source>
        <translation>Load and check every page, then exit.</translation>
    </message>
    <message>
        <source>Bildschirmfotos in DIR ablegen, dann beenden.</source>
        <translation>Save screenshots into DIR, then exit.</translation>
    </message>
    <message>
        <source>Unbekanntes Argument: %1</source>
        <translation>Unknown argument: %1</translation>
    </message>
    <message>
        <source>Unbekannte Sprache: %1 (de oder en)</source>
        <translation>Unknown language: %1 (de or en)</translation>
    </message>
    <message>
        <source>--self-test und --screenshot schließen sich aus.</source>
        <translation>--self-test and --screenshot cannot be combined.</translation>
    </message>
</context>
<context>
    <name>quartier::app::CaseConsentsController</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>bis auf Widerruf</source>
        <translation>until withdrawn</translation>
    </message>
    <message>
        <source>bis %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>gültig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>gilt ab %1</source>
        <translation>valid from %1</translation>
    </message>
    <message>
        <source>abgelaufen am %1</source>
        <translation>expired on %1</translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>widerrufen am %1</source>
        <translation>withdrawn on %1</translation>
    </message>
    <message>
        <source>ab %1 %2</source>
        <translation>from %1 %2</translation>
    </message>
    <message>
        <source>Bitte angeben, wer einwilligt.</source>
        <translation>Please state who consents.</translation>
    </message>
    <message>
        <source>Bitte mindestens eine Art von Angaben wählen.</source>
        <translation>Please choose at least one kind of data.</translation>
    </message>
    <message>
        <source>Bitte mindestens einen Zweck wählen.</source>
        <translation>Please choose at least one purpose.</translation>
    </message>
    <message>
        <source>Bitte angeben, an wen weitergegeben werden darf.</source>
        <translation>Please state who may receive it.</translation>
    </message>
    <message>
        <source>Bitte die Form der Einwilligung wählen.</source>
        <translation>Please choose the form of the consent.</translation>
    </message>
    <message>
        <source>Kein gültiges Datum.</source>
        <translation>Not a valid date.</translation>
    </message>
    <message>
        <source>Das Ende liegt vor dem Beginn.</source>
        <translation>The end is before the start.</translation>
    </message>
    <message>
        <source>Die Einwilligung ist unvollständig.</source>
        <translation>The consent is incomplete.</translation>
    </message>
    <message>
        <source>Einwilligungen werden im Fall gespeichert; dieser Fall liegt nicht in einem eigenen Fallbereich dieses Geräts.</source>
        <translation>Consents are stored in the case; this case is not in a case space of its own on this device.</translation>
    </message>
    <message>
        <source>Die Einwilligung wurde nicht gespeichert: %1</source>
        <translation>The consent was not saved: %1</translation>
    </message>
    <message>
        <source>Einwilligung gespeichert.</source>
        <translation>Consent saved.</translation>
    </message>
    <message>
        <source>Einwilligung widerrufen. Sie erlaubt ab heute keine Weitergabe mehr; die anderen Geräte des Falls erfahren es bei ihrer nächsten Synchronisierung.</source>
        <translation>Consent withdrawn. From today it allows no disclosure; the case’s other devices learn of it at their next sync.</translation>
    </message>
    <message>
        <source>Kein Fall geöffnet.</source>
        <translation>No case open.</translation>
    </message>
    <message>
        <source>nach § 65 Abs. 1 S. 1 Nr. %1 SGB VIII</source>
        <translation>under § 65(1) sentence 1 no. %1 SGB VIII</translation>
    </message>
    <message>
        <source>mit Einwilligung (§ 65 Abs. 1 S. 1 Nr. 1 SGB VIII)</source>
        <translation>with consent (§ 65(1) sentence 1 no. 1 SGB VIII)</translation>
    </message>
    <message>
        <source>mit Einwilligung von %1 (§ 65 Abs. 1 S. 1 Nr. 1 SGB VIII)</source>
        <translation>with the consent of %1 (§ 65(1) sentence 1 no. 1 SGB VIII)</translation>
    </message>
    <message>
        <source>Die Weitergabe wurde abgelehnt.</source>
        <translation>The disclosure was refused.</translation>
    </message>
    <message>
        <source>Das ist kein anvertrauter Vermerk dieses Geräts; nur wer ihn geschrieben hat, kann ihn weitergeben.</source>
        <translation>This is not an entrusted note of this device; only its author can pass it on.</translation>
    </message>
    <message>
        <source>Dieser Fall liegt nicht in einem eigenen Fallbereich dieses Geräts; dorthin kann nichts weitergegeben werden.</source>
        <translation>This case is not in a case space of its own on this device; nothing can be passed into it.</translation>
    </message>
    <message>
        <source>Anvertrautes wird nur mit einer Einwilligung oder nach einer Ausnahme des § 65 Abs. 1 Satz 1 SGB VIII weitergegeben. Bitte eine Rechtsgrundlage wählen.</source>
        <translation>Entrusted information is passed on only with a consent or under an exception of § 65(1) sentence 1 SGB VIII. Please choose a legal basis.</translation>
    </message>
    <message>
        <source>Bitte entweder eine Einwilligung oder eine Ausnahme wählen, nicht beides.</source>
        <translation>Please choose either a consent or an exception, not both.</translation>
    </message>
    <message>
        <source>Diese Einwilligung ist auf diesem Gerät nicht vorhanden.</source>
        <translation>This consent is not on this device.</translation>
    </message>
    <message>
        <source>Diese Einwilligung gehört zu einem anderen Fall.</source>
        <translation>This consent belongs to another case.</translation>
    </message>
    <message>
        <source>Die Einwilligung wurde am %1 widerrufen und erlaubt keine Weitergabe mehr.</source>
        <translation>The consent was withdrawn on %1 and allows no further disclosure.</translation>
    </message>
    <message>
        <source>Die Einwilligung wurde widerrufen und erlaubt keine Weitergabe mehr.</source>
        <translation>The consent was withdrawn and allows no further disclosure.</translation>
    </message>
    <message>
        <source>Die Einwilligung gilt erst ab %1.</source>
        <translation>The consent applies only from %1.</translation>
    </message>
    <message>
        <source>Die Einwilligung ist am %1 abgelaufen.</source>
        <translation>The consent expired on %1.</translation>
    </message>
    <message>
        <source>Die Einwilligung umfasst keine %1.</source>
        <translation>The consent does not cover %1.</translation>
    </message>
    <message>
        <source>Bitte den Zweck der Weitergabe wählen.</source>
        <translation>Please choose the purpose of the disclosure.</translation>
    </message>
    <message>
        <source>Die Einwilligung umfasst den Zweck „%1“ nicht.</source>
        <translation>The consent does not cover the purpose “%1”.</translation>
    </message>
    <message>
        <source>Die Einwilligung umfasst nicht alle, die den Fall lesen: %1 (%2) ist darin weder als Gerät noch mit seiner Rolle genannt.</source>
        <translation>The consent does not cover everyone who reads the case: %1 (%2) is named neither as a device nor by its role.</translation>
    </message>
    <message>
        <source>Die Einwilligung umfasst nicht alle, die den Fall lesen.</source>
        <translation>The consent does not cover everyone who reads the case.</translation>
    </message>
    <message>
        <source>Das ist keine der Ausnahmen Nr. 2 bis 5 des § 65 Abs. 1 Satz 1 SGB VIII.</source>
        <translation>That is not one of the exceptions no. 2 to 5 of § 65(1) sentence 1 SGB VIII.</translation>
    </message>
    <message>
        <source>Eine Weitergabe nach einer Ausnahme braucht eine schriftliche Begründung.</source>
        <translation>A disclosure under an exception needs a written reason.</translation>
    </message>
    <message>
        <source>Der Vermerk ist jetzt im Fall, %1. Noch liest niemand sonst den Fall.</source>
        <translation>The note is in the case now, %1. Nobody else reads the case yet.</translation>
    </message>
    <message>
        <source>Der Vermerk ist jetzt im Fall lesbar für %1 – %2.</source>
        <translation>The note is now readable in the case by %1 – %2.</translation>
    </message>
</context>
<context>
    <name>quartier::app::CaseContactsController</name>
    <message>
        <source>(unbekannt)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>%1 am %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>nicht gesehen: %1</source>
        <translation>not seen: %1</translation>
    </message>
    <message>
        <source>Kind gesehen: %1</source>
        <translation>Child seen: %1</translation>
    </message>
    <message>
        <source>Kinder gesehen: %1</source>
        <translation>Children seen: %1</translation>
    </message>
    <message>
        <source>am %1 %2</source>
        <translation>on %1 %2</translation>
    </message>
    <message>
        <source>In den Fall weitergegeben %1</source>
        <translation>Passed into the case %1</translation>
    </message>
    <message>
        <source>Weitergegeben am %1 %2</source>
        <translation>Passed on on %1 %2</translation>
    </message>
</context>
<context>
    <name>quartier::app::CaseController</name>
    <message>
        <source>Mit der Rolle dieses Geräts können keine Fälle angelegt werden. Ihre Eingaben sind nicht verloren.</source>
        <translation>This device&apos;s role cannot create cases. Nothing you typed is lost.</translation>
    </message>
    <message>
        <source>Quartier ist gesperrt. Entsperren Sie die App und versuchen Sie es erneut.</source>
        <translation>Quartier is locked. Unlock the app and try again.</translation>
    </message>
    <message>
        <source>Gerade wird synchronisiert. Bitte speichern Sie in einem Moment noch einmal – Ihre Eingaben bleiben erhalten.</source>
        <translation>Syncing right now. Please save again in a moment – your input is kept.</translation>
    </message>
    <message>
        <source>Der Zugriff auf diesen Fall konnte nicht protokolliert werden. Schließen Sie den Fall und öffnen Sie ihn erneut; hilft das nicht, wenden Sie sich an Ihre Administration.</source>
        <translation>Opening this case could not be recorded in the audit log. Close the case and open it again; if that does not help, contact your administration.</translation>
    </message>
    <message>
        <source>Der Fall konnte nicht gelesen werden. Versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration.</source>
        <translation>The case could not be read. Try again; if that does not help, contact your administration.</translation>
    </message>
    <message>
        <source>Dieser Fall ist auf diesem Gerät nicht (mehr) vorhanden.</source>
        <translation>This case is not (or no longer) on this device.</translation>
    </message>
    <message>
        <source>Der Name konnte nicht gespeichert werden.</source>
        <translation>The name could not be saved.</translation>
    </message>
    <message>
        <source>Speichern fehlgeschlagen: Der Datenspeicher meldet einen Fehler. Ihre Eingaben sind nicht verloren – versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration.</source>
        <translation>Saving failed: the data store reports an error. Your input is not lost – try again; if that does not help, contact your administration.</translation>
    </message>
    <message>
        <source>Dieser Eintrag ist nicht (mehr) vorhanden.</source>
        <translation>This entry does not exist (any more).</translation>
    </message>
    <message>
        <source>Dieser Eintrag gehört nicht zum geöffneten Fall.</source>
        <translation>This entry does not belong to the open case.</translation>
    </message>
    <message>
        <source>Kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 03.04.2026.</source>
        <translation>Not a valid date. Please type it as DD.MM.YYYY, e.g. 03.04.2026.</translation>
    </message>
    <message>
        <source>Die nicht gespeicherte Eingabe konnte nicht verworfen werden.</source>
        <translation>The unsaved input could not be discarded.</translation>
    </message>
    <message>
        <source>Wer sagt das?</source>
        <translation>Who says this?</translation>
    </message>
    <message>
        <source>Wortlaut (O-Ton)</source>
        <translation>Verbatim wording</translation>
    </message>
    <message>
        <source>Was tue ich selbst dafür?</source>
        <translation>What will I do for it myself?</translation>
    </message>
    <message>
        <source>Wille oder Wunsch</source>
        <translation>Will or wish</translation>
    </message>
    <message>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Anvertraut (§ 65 SGB VIII)</source>
        <translation>Entrusted (§ 65 SGB VIII)</translation>
    </message>
</context>
<context>
    <name>quartier::app::CaseMembersController</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>quartier::app::CaseProgressController</name>
    <message>
        <source>Auftrag</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <source>(nicht mehr vorhanden)</source>
        <translation>(no longer there)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>quartier::app::ConflictListModel</name>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>dieses Gerät</source>
        <translation>this device</translation>
    </message>
    <message>
        <source>Gerade nicht möglich: Die Synchronisierung läuft. Bitte gleich noch einmal tippen.</source>
        <translation>Not possible right now: a sync is running. Please tap again in a moment.</translation>
    </message>
    <message>
        <source>Die Auswahl konnte nicht gespeichert werden. Nichts wurde verändert.</source>
        <translation>The choice could not be saved. Nothing was changed.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Gelöscht</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>gelöscht und zugleich bearbeitet</source>
        <translation>deleted and edited at the same time</translation>
    </message>
</context>
<context>
    <name>quartier::app::ConsultationController</name>
    <message>
        <source>im Team</source>
        <translation>with the team</translation>
    </message>
    <message>
        <source>Empfehlung liegt vor</source>
        <translation>recommendation given</translation>
    </message>
    <message>
        <source>in den Fall übernommen</source>
        <translation>taken into the case</translation>
    </message>
    <message>
        <source>Nicht eingeordnet</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Gerade wird synchronisiert: Bitte gleich noch einmal.</source>
        <translation>Syncing right now: please try again in a moment.</translation>
    </message>
    <message>
        <source>Das Gerät ist gesperrt.</source>
        <translation>The device is locked.</translation>
    </message>
    <message>
        <source>(die Frage an das Team)</source>
        <translation>(the question to the team)</translation>
    </message>
    <message>
        <source>Bitte die Frage an das Team eintragen.</source>
        <translation>Please enter the question to the team.</translation>
    </message>
    <message>
        <source>Die Beratung kann nicht vorbereitet werden: %1</source>
        <translation>The consultation cannot be prepared: %1</translation>
    </message>
    <message>
        <source>Dieses Gerät gehört zu keinem Sozialraumteam (oder zu mehreren): Die Beratung kann nicht ins Team gehen.</source>
        <translation>This device belongs to no social-space team (or to several): the consultation cannot go to the team.</translation>
    </message>
    <message>
        <source>Die Beratung wurde nicht gespeichert: %1</source>
        <translation>The consultation was not saved: %1</translation>
    </message>
    <message>
        <source>Die Beratung ist im Team: %1. Mit der nächsten Synchronisation sieht das Team sie.</source>
        <translation>The consultation is with the team: %1. The team sees it after the next sync.</translation>
    </message>
    <message>
        <source>Idee festgehalten.</source>
        <translation>Idea recorded.</translation>
    </message>
    <message>
        <source>Bitte die Idee eintragen.</source>
        <translation>Please enter the idea.</translation>
    </message>
    <message>
        <source>Die Idee wurde nicht gespeichert: %1</source>
        <translation>The idea was not saved: %1</translation>
    </message>
    <message>
        <source>Die Empfehlung des Teams ist festgehalten.</source>
        <translation>The team's recommendation is recorded.</translation>
    </message>
    <message>
        <source>Bitte die Empfehlung eintragen.</source>
        <translation>Please enter the recommendation.</translation>
    </message>
    <message>
        <source>Die Empfehlung wurde nicht gespeichert: %1</source>
        <translation>The recommendation was not saved: %1</translation>
    </message>
    <message>
        <source>Dieses Gerät hat den Fall nicht: Übernehmen kann nur die Fachkraft des Falls.</source>
        <translation>This device does not hold the case: only the case's caseworker can take it in.</translation>
    </message>
    <message>
        <source>Die Empfehlung wurde nicht übernommen: %1</source>
        <translation>The recommendation was not taken in: %1</translation>
    </message>
    <message>
        <source>Die Empfehlung steht jetzt als Vermerk im Fall.</source>
        <translation>The recommendation is now a note in the case.</translation>
    </message>
</context>
<context>
    <name>quartier::app::DeviceListModel</name>
    <message>
        <source>ASD-Fachkraft</source>
        <translation>ASD caseworker</translation>
    </message>
    <message>
        <source>Teamleitung</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Familienhilfe (freier Träger)</source>
        <translation>Family helper (free provider)</translation>
    </message>
    <message>
        <source>Jugendhilfeplanung</source>
        <translation>Youth-welfare planning</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Datenschutz</source>
        <translation>Data protection</translation>
    </message>
</context>
<context>
    <name>quartier::app::EnrolmentController</name>
    <message>
        <source>Der Server aus dem Anmeldecode ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.</source>
        <translation>The server named in the enrolment code cannot be reached. Check the connection and try again.</translation>
    </message>
    <message>
        <source>Der Anmeldecode ist ungültig, abgelaufen oder wurde schon verwendet. Bitte lassen Sie sich von der Administration einen neuen Code geben.</source>
        <translation>The enrolment code is invalid, has expired or was already used. Please ask your administration for a new code.</translation>
    </message>
    <message>
        <source>Dieses Gerät ist bereits bei einer Organisation angemeldet.</source>
        <translation>This device is already enrolled in an organisation.</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Namen für dieses Gerät ein, zum Beispiel „Tablet ASD Garstedt“.</source>
        <translation>Please enter a name for this device, for example “Tablet ASD Garstedt”.</translation>
    </message>
    <message numerus="yes">
        <source>Der Gerätename darf höchstens %n Zeichen lang sein.</source>
        <translation>
            <numerusform>The device name may be at most %n character long.</numerusform>
            <numerusform>The device name may be at most %n characters long.</numerusform>
        </translation>
    </message>
    <message>
        <source>Das ist kein gültiger Anmeldecode. Er beginnt mit „quartier:1:“; bitte prüfen Sie, ob er vollständig übernommen wurde.</source>
        <translation>This is not a valid enrolment code. It starts with “quartier:1:”; please check that it was copied completely.</translation>
    </message>
    <message>
        <source>Noch nicht freigegeben. Sobald die Administration dieses Gerät bestätigt hat, geht es von selbst weiter.</source>
        <translation>Not admitted yet. As soon as the administration has confirmed this device, it continues by itself.</translation>
    </message>
</context>
<context>
    <name>quartier::app::HomeVisitController</name>
    <message>
        <source>ein Wille</source>
        <translation>a will</translation>
    </message>
    <message>
        <source>ein eigener Beitrag zum Willen</source>
        <translation>an own contribution to a will</translation>
    </message>
    <message>
        <source>eine Ressource</source>
        <translation>a resource</translation>
    </message>
    <message>
        <source>etwas, das fehlt</source>
        <translation>something missing</translation>
    </message>
    <message>
        <source>Noch nicht festgehalten: %1 („%2“). Tippen Sie auf „Festhalten“ oder leeren Sie das Feld.</source>
        <translation>Not recorded yet: %1 (“%2”). Tap “record” or empty the field.</translation>
    </message>
    <message>
        <source>Dieser Besuch ist abgeschlossen und kann nicht mehr geändert werden.</source>
        <translation>This visit is finished and can no longer be changed.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Speichern ist fehlgeschlagen. Ihre Eingabe ist noch da; bitte versuchen Sie es erneut.</source>
        <translation>Saving failed. Your input is still there; please try again.</translation>
    </message>
    <message>
        <source>Einen Moment: Gerade wird synchronisiert. Bitte gleich noch einmal tippen.</source>
        <translation>One moment: a sync is running. Please tap again in a moment.</translation>
    </message>
    <message>
        <source>Der Datenspeicher ist gerade beschäftigt. Bitte gleich noch einmal versuchen.</source>
        <translation>The data store is busy right now. Please try again in a moment.</translation>
    </message>
    <message>
        <source>Dieser Fall ist auf diesem Gerät nicht (mehr) vorhanden.</source>
        <translation>This case is not (or no longer) on this device.</translation>
    </message>
    <message>
        <source>Der Hausbesuch konnte nicht angelegt werden. Versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration (technische Angabe: %1).</source>
        <translation>The home visit could not be created. Try again; if that does not help, contact your administration (technical detail: %1).</translation>
    </message>
    <message>
        <source>fehlt · %1</source>
        <translation>missing · %1</translation>
    </message>
    <message>
        <source>Unbekannte Angabe zum Kind.</source>
        <translation>Unknown answer about the child.</translation>
    </message>
    <message>
        <source>Unbekannte Antwort zu diesem Angebot.</source>
        <translation>Unknown answer for this offer.</translation>
    </message>
    <message>
        <source>Unbekannte Hürde.</source>
        <translation>Unknown barrier.</translation>
    </message>
    <message>
        <source>Dieser Eintrag gehört nicht zu diesem Besuch.</source>
        <translation>This entry does not belong to this visit.</translation>
    </message>
    <message>
        <source>Wählen Sie einen Bereich für die Ressource.</source>
        <translation>Choose an area for the resource.</translation>
    </message>
    <message>
        <source>Dieses Feld kann hier nicht bearbeitet werden.</source>
        <translation>This field cannot be edited here.</translation>
    </message>
    <message>
        <source>Der Besuch ist noch nicht vollständig.</source>
        <translation>The visit is not complete yet.</translation>
    </message>
    <message>
        <source>Unbekannte Kategorie.</source>
        <translation>Unknown category.</translation>
    </message>
    <message>
        <source>nicht auf der Karte · %1</source>
        <translation>not on the map · %1</translation>
    </message>
    <message>
        <source>Wählen Sie, ob die Familie das Angebot kennt oder nutzt.</source>
        <translation>Choose whether the family knows or uses the offer.</translation>
    </message>
    <message>
        <source>Ein Angebot, das die Familie nennt, kennt sie: bekannt, genutzt oder früher genutzt.</source>
        <translation>An offer the family names is one it knows: known, used or used before.</translation>
    </message>
    <message>
        <source>ein Angebot, das nicht in der Liste steht</source>
        <translation>an offer that is not in the list</translation>
    </message>
    <message>
        <source>der Ort eines Angebots, das nicht in der Liste steht</source>
        <translation>the place of an offer that is not in the list</translation>
    </message>
    <message>
        <source>Dieses Kind gehört nicht zu diesem Fall.</source>
        <translation>This child does not belong to this case.</translation>
    </message>
</context>
<context>
    <name>quartier::app::OfferEditController</name>
    <message>
        <source>Mit der Rolle dieses Geräts kann die Angebotskarte nicht bearbeitet werden.</source>
        <translation>This device&apos;s role cannot edit the offer map.</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie die markierten Angaben.</source>
        <translation>Please check the marked entries.</translation>
    </message>
    <message>
        <source>Die App ist gesperrt. Entsperren Sie sie und speichern Sie erneut.</source>
        <translation>The app is locked. Unlock it and save again.</translation>
    </message>
    <message>
        <source>Gerade wird synchronisiert. Bitte speichern Sie gleich noch einmal.</source>
        <translation>A sync is running. Please save again in a moment.</translation>
    </message>
    <message>
        <source>Dieses Angebot gibt es nicht mehr auf diesem Gerät.</source>
        <translation>This offer no longer exists on this device.</translation>
    </message>
    <message>
        <source>Speichern fehlgeschlagen. Ihre Eingaben stehen noch hier; versuchen Sie es erneut. Hilft das nicht, wenden Sie sich an Ihre Administration (technische Angabe: %1).</source>
        <translation>Saving failed. Your input is still here; try again. If that does not help, contact your administration (technical detail: %1).</translation>
    </message>
    <message>
        <source>Bitte ausfüllen.</source>
        <translation>Please fill in.</translation>
    </message>
    <message>
        <source>Bitte auswählen.</source>
        <translation>Please choose.</translation>
    </message>
    <message>
        <source>Bitte wählen Sie den Zugang: niedrigschwellig, mit Anmeldung oder über Hilfeplan.</source>
        <translation>Please choose the access: low-threshold, with registration or through a help plan.</translation>
    </message>
    <message>
        <source>Dieser Text ist zu lang.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>Bitte eine ganze Zahl eingeben, z. B. 6.</source>
        <translation>Please enter a whole number, e.g. 6.</translation>
    </message>
    <message>
        <source>Bitte ein Alter zwischen 0 und 99 eingeben.</source>
        <translation>Please enter an age between 0 and 99.</translation>
    </message>
    <message>
        <source>Das Höchstalter liegt unter dem Mindestalter.</source>
        <translation>The maximum age is below the minimum age.</translation>
    </message>
    <message>
        <source>Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.</source>
        <translation>Please enter an e-mail address like name@example.org.</translation>
    </message>
    <message>
        <source>Bitte nur Ziffern, Leerzeichen und + - / ( ) verwenden.</source>
        <translation>Please use only digits, spaces and + - / ( ).</translation>
    </message>
    <message>
        <source>Bitte eine Adresse beginnend mit https:// eingeben.</source>
        <translation>Please enter an address starting with https://.</translation>
    </message>
    <message>
        <source>Diesen Eintrag gibt es auf diesem Gerät nicht (mehr).</source>
        <translation>This entry does not exist (any more) on this device.</translation>
    </message>
    <message>
        <source>Das Prüfdatum ist ungültig.</source>
        <translation>The check date is not valid.</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie diese Angabe.</source>
        <translation>Please check this entry.</translation>
    </message>
</context>
<context>
    <name>quartier::app::OfferListModel</name>
    <message>
        <source>0–2 Jahre</source>
        <translation>0–2 years</translation>
    </message>
    <message>
        <source>3–5 Jahre</source>
        <translation>3–5 years</translation>
    </message>
    <message>
        <source>6–11 Jahre</source>
        <translation>6–11 years</translation>
    </message>
    <message>
        <source>12–17 Jahre</source>
        <translation>12–17 years</translation>
    </message>
    <message>
        <source>Erwachsene</source>
        <translation>Adults</translation>
    </message>
    <message>
        <source>ohne Kategorie</source>
        <translation>no category</translation>
    </message>
    <message>
        <source>Niedrigschwellig</source>
        <translation>Low-threshold</translation>
    </message>
    <message>
        <source>Mit Anmeldung</source>
        <translation>Registration needed</translation>
    </message>
    <message>
        <source>Über Hilfeplan</source>
        <translation>Via help plan</translation>
    </message>
    <message>
        <source>Kostenlos</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>Geringe Kosten</source>
        <translation>Low cost</translation>
    </message>
    <message>
        <source>Kostenpflichtig</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Öffentlicher Träger</source>
        <translation>Public provider</translation>
    </message>
    <message>
        <source>Freier Träger</source>
        <translation>Independent provider</translation>
    </message>
    <message>
        <source>Kirchlicher Träger</source>
        <translation>Church provider</translation>
    </message>
    <message>
        <source>Verein / Ehrenamt</source>
        <translation>Club / volunteers</translation>
    </message>
    <message>
        <source>unter 1 Jahr</source>
        <translation>under 1 year</translation>
    </message>
    <message>
        <source>1 Jahr</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>%1 Jahre</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <source>%1–%2 Jahre</source>
        <translation>%1–%2 years</translation>
    </message>
    <message>
        <source>ab 1 Jahr</source>
        <translation>from 1 year</translation>
    </message>
    <message>
        <source>ab %1 Jahren</source>
        <translation>from %1 years</translation>
    </message>
    <message>
        <source>bis 1 Jahr</source>
        <translation>up to 1 year</translation>
    </message>
    <message>
        <source>bis %1 Jahre</source>
        <translation>up to %1 years</translation>
    </message>
    <message>
        <source>alle Altersgruppen</source>
        <translation>all ages</translation>
    </message>
    <message>
        <source>Noch nie geprüft</source>
        <translation>Never checked</translation>
    </message>
    <message>
        <source>Zuletzt geprüft am %1</source>
        <translation>Last checked on %1</translation>
    </message>
</context>
<context>
    <name>quartier::app::ReportController</name>
    <message>
        <source>Bedarfsbericht</source>
        <translation>Demand report</translation>
    </message>
    <message>
        <source>Fallzahlen</source>
        <translation>Case figures</translation>
    </message>
    <message>
        <source>Ganzes Jahr</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>1. Halbjahr</source>
        <translation>First half-year</translation>
    </message>
    <message>
        <source>2. Halbjahr</source>
        <translation>Second half-year</translation>
    </message>
    <message>
        <source>Alle Sozialräume</source>
        <translation>All social spaces</translation>
    </message>
    <message>
        <source>Zu wenige Fälle mit einer Hilfe in diesem Zeitraum: Ein Bericht zeigt erst ab %1 Fällen etwas, damit niemand zu erkennen ist.</source>
        <translation>Too few cases with a help in this period: a report shows something only from %1 cases on, so that nobody can be recognised.</translation>
    </message>
    <message>
        <source>Zu wenige Familien haben in diesem Zeitraum geantwortet: Ein Bericht zeigt erst ab %1 Familien etwas, damit niemand zu erkennen ist.</source>
        <translation>Too few families answered in this period: a report shows something only from %1 families on, so that nobody can be recognised.</translation>
    </message>
    <message>
        <source>Diesen Sozialraum gibt es auf der Angebotskarte nicht mehr.</source>
        <translation>This social space is no longer on the offer map.</translation>
    </message>
    <message>
        <source>Der Bericht konnte nicht erstellt werden: %1</source>
        <translation>The report could not be made: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n Familien gezählt</source>
        <translation>
            <numerusform>%n family counted</numerusform>
            <numerusform>%n families counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Fälle gezählt</source>
        <translation>
            <numerusform>%n case counted</numerusform>
            <numerusform>%n cases counted</numerusform>
        </translation>
    </message>
    <message>
        <source>Gerade wird synchronisiert: Bitte gleich noch einmal.</source>
        <translation>A sync is running: please try again in a moment.</translation>
    </message>
    <message>
        <source>Es gibt keinen Bericht, der exportiert werden könnte.</source>
        <translation>There is no report to export.</translation>
    </message>
    <message>
        <source>Unbekanntes Format.</source>
        <translation>Unknown format.</translation>
    </message>
    <message>
        <source>Der Ordner %1 kann nicht angelegt werden.</source>
        <translation>The folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>Der Export wurde nicht protokolliert und deshalb nicht geschrieben: %1</source>
        <translation>The export could not be recorded in the audit log and so was not written: %1</translation>
    </message>
    <message>
        <source>Die Datei konnte nicht geschrieben werden (%1): %2</source>
        <translation>The file could not be written (%1): %2</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Aus den Fällen auf diesem Gerät</source>
        <translation>From the cases on this device</translation>
    </message>
    <message>
        <source>Veröffentlicht: %1, %2 – %3, Version %4</source>
        <translation>Published: %1, %2 – %3, version %4</translation>
    </message>
    <message>
        <source>Dieser veröffentlichte Bericht ist auf diesem Gerät nicht (mehr) vorhanden.</source>
        <translation>This published report is not (or no longer) on this device.</translation>
    </message>
    <message>
        <source>Dieser veröffentlichte Bericht hält die Schutzregeln nicht ein und wird deshalb nicht gezeigt. Bitte wenden Sie sich an die Koordination, die ihn veröffentlicht hat.</source>
        <translation>This published report breaks the protection rules and is therefore not shown. Please contact the coordination that published it.</translation>
    </message>
    <message>
        <source>Noch kein Bericht für die Planung veröffentlicht. Er erscheint hier nach einer Synchronisierung, sobald die Koordination ihn veröffentlicht hat.</source>
        <translation>No report published for planning yet. It appears here after a sync once the coordination has published it.</translation>
    </message>
</context>
<context>
    <name>quartier::app::SessionController</name>
    <message numerus="yes">
        <source>Die Passphrase muss mindestens %n Zeichen lang sein.</source>
        <translation>
            <numerusform>The passphrase must be at least %n character long.</numerusform>
            <numerusform>The passphrase must be at least %n characters long.</numerusform>
        </translation>
    </message>
    <message>
        <source>Die beiden Eingaben stimmen nicht überein.</source>
        <translation>The two entries do not match.</translation>
    </message>
    <message>
        <source>Bitte geben Sie Ihre Passphrase ein.</source>
        <translation>Please enter your passphrase.</translation>
    </message>
    <message>
        <source>Passphrase falsch. Bitte versuchen Sie es erneut.</source>
        <translation>Wrong passphrase. Please try again.</translation>
    </message>
    <message>
        <source>Der Datenspeicher wird gerade von einem anderen Programm verwendet. Schließen Sie es und versuchen Sie es erneut.</source>
        <translation>The data store is in use by another program. Close it and try again.</translation>
    </message>
    <message>
        <source>Auf diesem Gerät wurde kein Datenspeicher gefunden.</source>
        <translation>No data store was found on this device.</translation>
    </message>
    <message>
        <source>Auf diesem Gerät gibt es bereits einen Datenspeicher.</source>
        <translation>There already is a data store on this device.</translation>
    </message>
    <message>
        <source>Der Datenspeicher ist beschädigt. Bitte wenden Sie sich an Ihre Administration.</source>
        <translation>The data store is damaged. Please contact your administrator.</translation>
    </message>
    <message>
        <source>Der Datenspeicher stammt aus einer neueren Version von Quartier. Bitte aktualisieren Sie die App.</source>
        <translation>The data store was made by a newer version of Quartier. Please update the app.</translation>
    </message>
    <message>
        <source>Der Datenspeicher konnte nicht gelesen oder geschrieben werden. Ist genug Speicherplatz frei?</source>
        <translation>The data store could not be read or written. Is there enough free space?</translation>
    </message>
    <message>
        <source>Der Datenspeicher ließ sich nicht öffnen. Starten Sie Quartier neu; hilft das nicht, wenden Sie sich an Ihre Administration (Fehlercode: %1).</source>
        <translation>The data store could not be opened. Restart Quartier; if that does not help, contact your administration (error code: %1).</translation>
    </message>
    <message>
        <source>Dieses Gerät wurde länger nicht synchronisiert, als Ihre Organisation erlaubt. Synchronisieren Sie, um die Fälle wieder zu sehen.</source>
        <translation>This device has not synced for longer than your organisation allows. Sync to see the cases again.</translation>
    </message>
    <message>
        <source>Der Speicher dieses Geräts ist voll: Quartier kann die Entsperrung nicht protokollieren. Geben Sie Speicherplatz frei (z. B. Fotos oder Videos löschen) und versuchen Sie es erneut.</source>
        <translation>This device’s storage is full: Quartier cannot record the unlock in its audit log. Free some space (for example, delete photos or videos) and try again.</translation>
    </message>
</context>
<context>
    <name>quartier::app::ShareController</name>
    <message>
        <source>Dieser Fall ist auf diesem Gerät nicht mehr vorhanden.</source>
        <translation>This case is no longer on this device.</translation>
    </message>
    <message>
        <source>Dieses Gerät ist noch bei keiner Organisation angemeldet. Einen Fall teilen können Sie erst nach der Anmeldung (Einstellungen).</source>
        <translation>This device is not enrolled with an organisation yet. You can share a case once it is (Settings).</translation>
    </message>
    <message>
        <source>Dieser Fall liegt im persönlichen Bereich dieses Geräts (anvertraut, § 65 SGB VIII). Ein persönlicher Bereich wird nie geteilt.</source>
        <translation>This case is in this device’s personal space (entrusted, § 65 SGB VIII). A personal space is never shared.</translation>
    </message>
    <message>
        <source>Im Verzeichnis Ihrer Organisation gibt es noch kein anderes Gerät.</source>
        <translation>Your organisation’s directory lists no other device yet.</translation>
    </message>
    <message>
        <source>Der Fall ist geteilt. Auf dem Gerät „%1“ erscheint er nach dessen nächster Synchronisierung.</source>
        <translation>The case is shared. It appears on the device “%1” after that device’s next sync.</translation>
    </message>
    <message>
        <source>Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), deren Rechtsgrundlage das gewählte Gerät nicht abdeckt. Nötig ist eine Einwilligung oder Weitergabe, die dieses Empfängergerät einschließt.</source>
        <translation>The case holds entrusted information (§ 65 SGB VIII) whose legal basis does not cover the chosen device. It needs a consent or disclosure that includes that recipient device.</translation>
    </message>
    <message>
        <source>Nach dem Berechtigungskonzept Ihrer Organisation darf das gewählte Gerät diesen Fall nicht erhalten.</source>
        <translation>Under your organisation’s access rules the chosen device may not receive this case.</translation>
    </message>
    <message>
        <source>Nicht geteilt: %1</source>
        <translation>Not shared: %1</translation>
    </message>
    <message>
        <source>Nicht geteilt: Der Server ist nicht erreichbar. Teilen braucht eine Verbindung zum Server; versuchen Sie es erneut, sobald dieses Gerät online ist. Es ist nichts verloren gegangen.</source>
        <translation>Not shared: the server cannot be reached. Sharing needs a connection to the server; try again once this device is online. Nothing was lost.</translation>
    </message>
    <message>
        <source>Nicht geteilt: Das gewählte Gerät steht nicht (mehr) im Verzeichnis Ihrer Organisation, oder dieses Gerät hat keinen Zugriff mehr auf den Fall. Synchronisieren Sie und versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration.</source>
        <translation>Not shared: the chosen device is not (or no longer) in your organisation’s directory, or this device no longer has access to the case. Sync and try again; if that does not help, contact your administration.</translation>
    </message>
    <message>
        <source>Das Gerät ist im Verzeichnis Ihrer Organisation nicht (mehr) angemeldet.</source>
        <translation>The device is not (or no longer) enrolled in your organisation’s directory.</translation>
    </message>
    <message>
        <source>Die Rolle „%1“ des Geräts ist Quartier unbekannt. Bitte wenden Sie sich an Ihre Administration.</source>
        <translation>Quartier does not know the device’s role “%1”. Please contact your administration.</translation>
    </message>
    <message>
        <source>Geräte mit der Rolle „%1“ erhalten keine Fallinhalte.</source>
        <translation>Devices with the role “%1” receive no case content.</translation>
    </message>
    <message>
        <source>Der persönliche Bereich einer Fachkraft wird nie als Ganzes geteilt. Anvertrautes (§ 65 SGB VIII) gibt nur sie selbst weiter – einzeln und mit Rechtsgrundlage.</source>
        <translation>A worker’s personal space is never shared as a whole. Only she or he passes on what was entrusted (§ 65 SGB VIII) – one entry at a time and with a legal basis.</translation>
    </message>
    <message>
        <source>Das Gerät ist als Familienhilfe eingetragen, aber keinem freien Träger zugeordnet. Bitte wenden Sie sich an Ihre Administration.</source>
        <translation>The device is registered as family help but belongs to no free provider. Please contact your administration.</translation>
    </message>
    <message>
        <source>Der Fall ist dem Träger „%1“ nicht zugewiesen. Erst nach der Zuweisung darf dessen Familienhilfe ihn sehen.</source>
        <translation>The case is not assigned to the provider “%1”. Only once it is may its family helpers see it.</translation>
    </message>
    <message>
        <source>widerrufen wurde</source>
        <translation>has been withdrawn</translation>
    </message>
    <message>
        <source>abgelaufen ist</source>
        <translation>has expired</translation>
    </message>
    <message>
        <source>noch nicht gilt</source>
        <translation>is not yet valid</translation>
    </message>
    <message>
        <source>Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), weitergegeben mit einer Einwilligung, die %1. Für ein weiteres Gerät braucht es eine neue, gültige Einwilligung, die es als Empfänger nennt.</source>
        <translation>The case holds entrusted information (§ 65 SGB VIII) disclosed under a consent that %1. Another device needs a new, valid consent that names it as a recipient.</translation>
    </message>
    <message>
        <source>Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), weitergegeben mit einer Einwilligung, die das gewählte Gerät nicht als Empfänger nennt. Nötig ist eine Einwilligung, die auch die Rolle „%1“ oder das gewählte Gerät einschließt.</source>
        <translation>The case holds entrusted information (§ 65 SGB VIII) disclosed under a consent that does not name the chosen device as a recipient. It needs a consent that also covers the role “%1” or the chosen device.</translation>
    </message>
    <message>
        <source>Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), weitergegeben nach %1 nur an andere Empfänger. Nötig ist eine eigene Weitergabe an das gewählte Gerät, mit Einwilligung oder begründeter Ausnahme.</source>
        <translation>The case holds entrusted information (§ 65 SGB VIII) disclosed under %1 to other recipients only. It needs a disclosure to the chosen device of its own, with consent or a reasoned exception.</translation>
    </message>
    <message>
        <source>Der Fall wurde vom Gerät „%1“ zurückgenommen. Es löscht ihn bei seiner nächsten Synchronisierung; was danach geschrieben wird, erreicht es nicht mehr.</source>
        <translation>The case has been taken back from the device “%1”. It deletes the case at its next sync; nothing written from now on reaches it.</translation>
    </message>
    <message>
        <source>Nicht zurückgenommen: Der Server ist nicht erreichbar. Versuchen Sie es erneut, sobald dieses Gerät online ist.</source>
        <translation>Not taken back: the server cannot be reached. Try again once this device is online.</translation>
    </message>
    <message>
        <source>Nicht zurückgenommen: %1</source>
        <translation>Not taken back: %1</translation>
    </message>
    <message>
        <source>Der Fall ist dem Träger „%1“ schon zugewiesen.</source>
        <translation>The case is already assigned to the provider “%1”.</translation>
    </message>
    <message>
        <source>Der Fall ist dem Träger „%1“ nicht zugewiesen.</source>
        <translation>The case is not assigned to the provider “%1”.</translation>
    </message>
    <message>
        <source>Der Fall ist jetzt dem Träger „%1“ zugewiesen. Seine Familienhilfe können Sie nun mit dem Fall teilen.</source>
        <translation>The case is now assigned to the provider “%1”. You can now share it with its family helpers.</translation>
    </message>
    <message>
        <source>Die Zuweisung an „%1“ ist zurückgenommen. Dessen Familienhilfe verliert den Fall bei ihrer nächsten Synchronisierung.</source>
        <translation>The assignment to “%1” is withdrawn. Its family helpers lose the case at their next sync.</translation>
    </message>
    <message>
        <source>Nicht zugewiesen: Nur wer den Fall hat (und keine Familienhilfe ist) oder die Administration kann ihn einem Träger zuweisen.</source>
        <translation>Not assigned: only someone who has the case (and is no family helper) or the administration can assign it to a provider.</translation>
    </message>
    <message>
        <source>Nicht zugewiesen: Der Server ist nicht erreichbar. Die Zuweisung braucht eine Verbindung zum Server; versuchen Sie es erneut, sobald dieses Gerät online ist.</source>
        <translation>Not assigned: the server cannot be reached. Assigning needs a connection to the server; try again once this device is online.</translation>
    </message>
    <message>
        <source>Nicht zugewiesen: %1</source>
        <translation>Not assigned: %1</translation>
    </message>
</context>
<context>
    <name>quartier::app::SyncController</name>
    <message>
        <source>Dieses Gerät wurde von der Administration gesperrt. Auf Anordnung Ihrer Organisation wurden alle Daten von Quartier auf diesem Gerät gelöscht.</source>
        <translation>Your administration has revoked this device. On your organisation&apos;s order, all of Quartier&apos;s data on this device has been deleted.</translation>
    </message>
    <message>
        <source>Dieses Gerät wurde von der Administration gesperrt. Bitte wenden Sie sich an Ihre Administration.</source>
        <translation>Your administration has revoked this device. Please contact your administration.</translation>
    </message>
    <message>
        <source>Der Server ist nicht erreichbar. Ihre Änderungen bleiben auf diesem Gerät und werden beim nächsten Mal übertragen.</source>
        <translation>The server cannot be reached. Your changes stay on this device and will be sent next time.</translation>
    </message>
    <message>
        <source>Dieses Gerät ist noch mit keinem Server verbunden. Melden Sie es in den Einstellungen an.</source>
        <translation>This device is not connected to a server yet. Enrol it in the settings.</translation>
    </message>
    <message>
        <source>Dieses Gerät ist noch nicht freigegeben. Die Administration muss die Anmeldung bestätigen.</source>
        <translation>This device has not been admitted yet. The administration has to confirm the enrolment.</translation>
    </message>
    <message>
        <source>Die Uhr dieses Geräts geht vor. Bitte prüfen Sie Datum und Uhrzeit in den Systemeinstellungen.</source>
        <translation>This device&apos;s clock is ahead. Please check the date and time in the system settings.</translation>
    </message>
    <message>
        <source>Der Server ist vorübergehend gestört. Quartier versucht es später erneut; es geht nichts verloren.</source>
        <translation>The server has a temporary problem. Quartier tries again later; nothing is lost.</translation>
    </message>
    <message>
        <source>Der Server hat die Anfrage abgelehnt: Diesem Gerät fehlt eine Berechtigung. Bitte wenden Sie sich an Ihre Administration.</source>
        <translation>The server refused the request: this device lacks a permission. Please contact your administration.</translation>
    </message>
    <message>
        <source>Der Server hat die Synchronisierung abgelehnt. Quartier versucht es später erneut; hilft das nicht, wenden Sie sich an Ihre Administration (Fehlercode: %1).</source>
        <translation>The server refused the sync. Quartier will try again later; if that does not help, contact your administration (error code: %1).</translation>
    </message>
    <message>
        <source>Der Server antwortet nicht wie erwartet. Bitte informieren Sie Ihre Administration.</source>
        <translation>The server does not answer as expected. Please tell your administration.</translation>
    </message>
    <message>
        <source>Der Datenspeicher ist beschädigt. Bitte wenden Sie sich an Ihre Administration.</source>
        <translation>The data store is damaged. Please contact your administration.</translation>
    </message>
    <message>
        <source>Die Synchronisierung ist fehlgeschlagen; es geht nichts verloren. Versuchen Sie es später erneut; hilft das nicht, wenden Sie sich an Ihre Administration (Fehlercode: %1).</source>
        <translation>The sync failed; nothing is lost. Try again later; if that does not help, contact your administration (error code: %1).</translation>
    </message>
    <message>
        <source>Der Speicher dieses Geräts ist voll: Die Synchronisierung wurde angehalten, es geht nichts verloren. Geben Sie Speicherplatz frei (z. B. Fotos oder Videos löschen) und synchronisieren Sie dann erneut.</source>
        <translation>This device’s storage is full: the sync was stopped, nothing is lost. Free some space (for example, delete photos or videos) and then sync again.</translation>
    </message>
    <message>
        <source>Der Datenspeicher dieses Geräts meldet einen Schreibfehler: Die Synchronisierung wurde angehalten, es geht nichts verloren. Versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration.</source>
        <translation>This device’s data store reports a write error: the sync was stopped, nothing is lost. Try again; if that does not help, contact your administration.</translation>
    </message>
</context>
<context>
    <name>quartier::app::TeamController</name>
    <message>
        <source>Nicht eingeordnet</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Dieses Gerät gehört zu mehreren Sozialraumteams; die Fallübersicht braucht genau eines.</source>
        <translation>This device belongs to several social-space teams; the case overview needs exactly one.</translation>
    </message>
    <message>
        <source>Dieses Gerät gehört noch zu keinem Sozialraumteam. Sobald ein Teammitglied es aufnimmt, zeigt die nächste Synchronisation die Fälle des Teams.</source>
        <translation>This device belongs to no social-space team yet. Once a team member adds it, the next sync shows the team&apos;s cases.</translation>
    </message>
    <message>
        <source>Noch keine Fälle im Team: Die Geräte der Fachkräfte tragen ihre Fälle bei der nächsten Synchronisation ein.</source>
        <translation>No cases in the team yet: the caseworkers&apos; devices enter their cases at their next sync.</translation>
    </message>
    <message>
        <source>ohne fallführende Fachkraft</source>
        <translation>no lead worker</translation>
    </message>
    <message numerus="yes">
        <source>Offene Auflagen: %n, nächste Frist %1</source>
        <translation>
            <numerusform>%n open requirement, next deadline %1</numerusform>
            <numerusform>%n open requirements, next deadline %1</numerusform>
        </translation>
    </message>
</context>
</TS>
