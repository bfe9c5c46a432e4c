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
        <source>Alle Daten werden verschlüsselt gespeichert – auf dem Gerät wie auf dem Server. Lesen kann sie nur, wer die Passphrase kennt.</source>
        <translation>All data is stored encrypted – on the device and on the server. Only someone who knows the passphrase can read it.</translation>
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
        <source>%1 · Konflikt zu klären</source>
        <translation>%1 · conflict to resolve</translation>
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
        <source>Sobald Fälle angelegt oder vom Server Ihres Trägers übertragen wurden, erscheinen sie hier.</source>
        <translation>Cases appear here as soon as they are created or received from your organisation's server.</translation>
    </message>
    <message>
        <source>Fälle anlegen folgt mit dem nächsten Update.</source>
        <translation>Creating cases comes with the next update.</translation>
    </message>
    <message>
        <source>Neuer Fall (noch nicht verfügbar)</source>
        <translation>New case (not available yet)</translation>
    </message>
    <message>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Fallliste blättern</source>
        <translation>Scroll the case list</translation>
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
    <name>SearchField</name>
    <message>
        <source>Suche leeren</source>
        <translation>Clear search</translation>
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
        <source>Quartier speichert Fälle, Notizen und Kontakte verschlüsselt auf diesem Gerät. Wählen Sie eine Passphrase mit mindestens %n Zeichen – am besten mehrere Wörter, die nur Sie kennen.</source>
        <translation><numerusform>Quartier stores cases, notes and contacts encrypted on this device. Choose a passphrase of at least %n character – ideally several words only you know.</numerusform><numerusform>Quartier stores cases, notes and contacts encrypted on this device. Choose a passphrase of at least %n characters – ideally several words only you know.</numerusform></translation>
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
    <name>quartier::app::CaseListModel</name>
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
        <translation>Under review</translation>
    </message>
    <message>
        <source>Abgeschlossen</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>quartier::app::SessionController</name>
    <message numerus="yes">
        <source>Die Passphrase muss mindestens %n Zeichen lang sein.</source>
        <translation><numerusform>The passphrase must be at least %n character long.</numerusform><numerusform>The passphrase must be at least %n characters long.</numerusform></translation>
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
        <source>Unerwarteter Fehler beim Öffnen des Datenspeichers (%1).</source>
        <translation>Unexpected error while opening the data store (%1).</translation>
    </message>
</context>
</TS>