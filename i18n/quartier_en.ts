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
        <translation>Cases appear here as soon as they are created or received from your organisation&apos;s server.</translation>
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
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
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
    <name>InfoRow</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
    <name>MinutesEditor</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 verkürzen</source>
        <translation>Shorten %1</translation>
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
        <source>%1 verlängern</source>
        <translation>Lengthen %1</translation>
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
        <source>Einstellungen blättern</source>
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
        <source>Warte auf Freigabe</source>
        <translation>Waiting for admission</translation>
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
        <source>Dieses Gerät ist noch mit keinem Server verbunden: Alles bleibt bis zur Anmeldung nur hier.</source>
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
        <source>Geräte-ID</source>
        <translation>Device ID</translation>
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
        <source>Sprache der App</source>
        <translation>Language of the app</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Quartier folgt der Sprache des Systems: Deutsch, bei englischer Systemsprache Englisch. Um zu wechseln, stellen Sie die Systemsprache um und starten Quartier neu.</source>
        <translation>Quartier follows the system language: German, or English when the system language is English. To switch, change the system language and restart Quartier.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Zuletzt synchronisiert %1</source>
        <translation>Last synced %1</translation>
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
        <source>Synchronisiere …</source>
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
        <source>Unerwarteter Fehler beim Öffnen des Datenspeichers (%1).</source>
        <translation>Unexpected error while opening the data store (%1).</translation>
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
        <source>Der Server hat die Synchronisierung abgelehnt (%1).</source>
        <translation>The server refused the sync (%1).</translation>
    </message>
    <message>
        <source>Der Server antwortet nicht wie erwartet. Bitte informieren Sie Ihre Administration.</source>
        <translation>The server does not answer as expected. Please tell your administration.</translation>
    </message>
    <message>
        <source>Der Datenspeicher konnte nicht geschrieben werden. Ist genug Speicherplatz frei? Sperren und entsperren Sie Quartier, um es erneut zu versuchen.</source>
        <translation>The data store could not be written. Is there enough free space? Lock and unlock Quartier to try again.</translation>
    </message>
    <message>
        <source>Der Datenspeicher ist beschädigt. Bitte wenden Sie sich an Ihre Administration.</source>
        <translation>The data store is damaged. Please contact your administration.</translation>
    </message>
    <message>
        <source>Die Synchronisierung ist fehlgeschlagen (%1).</source>
        <translation>The sync failed (%1).</translation>
    </message>
</context>
</TS>
