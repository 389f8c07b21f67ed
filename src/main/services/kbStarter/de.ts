import type { StarterText } from './types';

/** The starter articles in German (written for Windows 10/11 and Microsoft 365 as of 2026). */
export const starterDe: Record<string, StarterText> = {
  'outlook-startet-nicht': {
    title: 'Outlook startet nicht oder hängt beim Laden des Profils',
    body: `## Symptom

Outlook (klassisch) öffnet sich nicht, bleibt bei „Profil wird geladen“ oder „Verarbeitung“ stehen oder schließt sich sofort wieder.

## Lösung

1. Outlook vollständig schließen (Task-Manager: kein \`OUTLOOK.EXE\` mehr) und den PC neu starten.
2. **Abgesicherter Modus:** Windows-Taste + R, \`outlook.exe /safe\`. Startet Outlook so, liegt es an einem Add-In: *Datei › Optionen › Add-Ins › COM-Add-Ins › Los …*, Add-Ins einzeln abschalten.
3. **Navigationsbereich zurücksetzen:** \`outlook.exe /resetnavpane\`.
4. **Neues Profil:** Systemsteuerung › *Mail (Microsoft Outlook)* › *Profile anzeigen* › *Hinzufügen*, mit der E-Mail-Adresse einrichten, unten *Immer dieses Profil verwenden* wählen. Das alte Profil erst löschen, wenn das neue läuft.
5. **Offline-Datei neu aufbauen** (Exchange Online/M365): Outlook schließen, unter \`%LOCALAPPDATA%\\Microsoft\\Outlook\` die \`.ost\`-Datei umbenennen; Outlook lädt das Postfach neu (kann bei großen Postfächern dauern).
6. Lokale \`.pst\`-Archive mit \`SCANPST.EXE\` prüfen (im Office-Ordner, z. B. \`C:\\Program Files\\Microsoft Office\\root\\Office16\`).
7. Hilft nichts: Office reparieren (*Einstellungen › Apps › Microsoft 365 › Ändern › Onlinereparatur*).

## Hinweise

- Funktioniert Outlook im Web (https://outlook.office.com), liegt es am PC, nicht am Postfach.
- Vor dem Löschen eines Profils prüfen, ob lokale PST-Dateien eingebunden sind.`,
    requesterText: `Bitte Outlook schließen, den PC neu starten und es noch einmal versuchen. Bis es wieder läuft, erreichen Sie Ihre Mails im Browser unter https://outlook.office.com.`,
  },
  'm365-passwort-mfa': {
    title: 'Microsoft 365: Passwort zurücksetzen und MFA (Authenticator) einrichten',
    body: `## Passwort vergessen oder abgelaufen

- **Selbst zurücksetzen:** https://aka.ms/sspr aufrufen, E-Mail-Adresse eingeben und mit der hinterlegten Methode (Authenticator, SMS, Telefon) bestätigen.
- **Durch die IT:** Microsoft 365 Admin Center › *Benutzer › Aktive Benutzer* › Person › *Kennwort zurücksetzen*. Ein Einmalkennwort nur persönlich oder telefonisch nach Rückruf weitergeben, nie per Mail an die betroffene Adresse.

## MFA einrichten oder neues Handy

1. Auf https://aka.ms/mysecurityinfo anmelden.
2. *Anmeldemethode hinzufügen › Microsoft Authenticator*, QR-Code mit der App scannen.
3. Altes Gerät entfernen.

Ist das alte Handy weg: Entra Admin Center › *Benutzer* › Person › *Authentifizierungsmethoden* › *Erneute Registrierung für MFA anfordern* (und alte Methoden löschen). Danach richtet die Person MFA beim nächsten Anmelden neu ein.

## Sicherheit

- Unerwartete MFA-Anfragen immer **ablehnen** und der IT melden – jemand kennt dann das Passwort. Passwort sofort ändern.
- Codes nie am Telefon oder per Mail weitergeben; die IT fragt nie danach.`,
    requesterText: `So setzen Sie Ihr Passwort selbst zurück: https://aka.ms/sspr öffnen, Ihre E-Mail-Adresse eingeben und mit der Authenticator-App bestätigen. Ein neues Handy richten Sie unter https://aka.ms/mysecurityinfo ein. Bekommen Sie eine Anmeldeanfrage, die Sie nicht ausgelöst haben: ablehnen und uns sofort Bescheid geben.`,
  },
  'druckerwarteschlange-haengt': {
    title: 'Drucker druckt nicht: Druckerwarteschlange hängt',
    body: `## Symptom

Aufträge bleiben in der Warteschlange („Fehler – Drucken“, „Wird gelöscht“), nichts kommt aus dem Drucker.

## Lösung

1. Drucker prüfen: eingeschaltet, Papier, kein Stau, Anzeige ohne Fehler. Drucken andere am selben Drucker? Dann liegt es am Drucker oder Netz, nicht am PC.
2. *Einstellungen › Bluetooth und Geräte › Drucker und Scanner* › Drucker › *Druckwarteschlange öffnen* › *Alle Dokumente abbrechen*.
3. Bleiben Aufträge hängen, den Dienst **Druckwarteschlange** neu starten: \`services.msc\` › *Druckwarteschlange* › *Neu starten*.
4. Hängt es weiter, als Administrator in der Eingabeaufforderung:

\`\`\`
net stop spooler
del /q %systemroot%\\System32\\spool\\PRINTERS\\*
net start spooler
\`\`\`

5. Testseite drucken. Bleibt es dabei: Druckertreiber entfernen und neu installieren (Herstellerseite oder Druckserver), IP-Adresse des Druckers prüfen (\`ping\`).`,
    requesterText: `Bitte prüfen Sie am Drucker Papier und Anzeige und schalten Sie ihn einmal aus und wieder ein. Druckt er dann noch nicht, kümmern wir uns um die Warteschlange an Ihrem PC.`,
  },
  'vpn-verbindung': {
    title: 'VPN verbindet nicht (Homeoffice, unterwegs)',
    body: `## Vorgehen

1. **Internet ohne VPN?** Eine Webseite öffnen. Im Hotel oder Zug zuerst die Anmeldeseite des WLANs bestätigen (Captive Portal), sonst kann das VPN nicht verbinden.
2. **Richtige Zugangsdaten:** nach einer Passwortänderung das neue Passwort im VPN-Client eingeben; die MFA-Anfrage auf dem Handy bestätigen.
3. **Uhrzeit des PCs** korrekt? Zertifikate und MFA-Codes scheitern bei falscher Uhrzeit (*Einstellungen › Zeit und Sprache › Jetzt synchronisieren*).
4. VPN-Client beenden und neu starten, ggf. PC neu starten.
5. **Verbunden, aber Laufwerke/Server fehlen:** Namen auflösen testen (\`nslookup server.firma.local\`); \`ipconfig /flushdns\`; Netzlaufwerke neu verbinden.
6. Fehlermeldung und Uhrzeit notieren (Screenshot) – damit kann der Dienstleister im Protokoll der Firewall nachsehen.

## Wann eskalieren

Scheitern mehrere Personen zugleich, ist es die Firewall oder der Internetanschluss der Firma: sofort an den Dienstleister.`,
    requesterText: `Bitte prüfen Sie zuerst, ob Internet ohne VPN geht (im Hotel ggf. die WLAN-Anmeldeseite bestätigen), und starten Sie dann den VPN-Client neu. Klappt es nicht, schicken Sie uns bitte einen Screenshot der Fehlermeldung.`,
  },
  'wlan-probleme': {
    title: 'WLAN: keine Verbindung oder ständige Abbrüche',
    body: `## Vorgehen

1. Betrifft es nur dieses Gerät? Haben Kolleg:innen am selben Ort WLAN, liegt es am Gerät; sonst am Access Point – dann eskalieren.
2. Flugmodus ein- und wieder ausschalten; WLAN aus/an.
3. Netzwerk vergessen und neu verbinden: *Einstellungen › Netzwerk und Internet › WLAN › Bekannte Netzwerke verwalten* › Netz › *Nicht speichern*.
4. In der Eingabeaufforderung:

\`\`\`
ipconfig /release
ipconfig /renew
ipconfig /flushdns
netsh wlan show interfaces
\`\`\`

  \`netsh wlan show interfaces\` zeigt Signalstärke und Kanal: unter 50 % ist der Empfang schlecht (Standort wechseln).
5. Firmen-WLAN mit Zertifikat (802.1X): nach Passwortänderung neu anmelden; läuft das Gerätezertifikat ab, an den Dienstleister.
6. WLAN-Treiber aktualisieren (Geräte-Manager › Netzwerkadapter).

Gäste gehören ins Gäste-WLAN, nie ins Firmennetz.`,
    requesterText: `Bitte schalten Sie einmal den Flugmodus ein und wieder aus. Hilft das nicht: unter Einstellungen › Netzwerk und Internet › WLAN das Netz „vergessen“ und neu verbinden. Sagen Sie uns bitte, ob Kolleg:innen am selben Platz WLAN haben.`,
  },
  'netzlaufwerk-fehlt': {
    title: 'Netzlaufwerk fehlt oder ist rot durchgestrichen',
    body: `## Symptom

Ein Netzlaufwerk (z. B. \`S:\`) fehlt im Explorer, ist mit rotem X markiert oder meldet „Zugriff verweigert“.

## Lösung

1. Laufwerk im Explorer doppelklicken: oft verbindet es sich dabei neu.
2. Im Homeoffice: zuerst VPN verbinden.
3. Zuordnungen anzeigen: \`net use\`. Fehlt es, neu verbinden:

\`\`\`
net use S: \\\\server\\freigabe /persistent:yes
\`\`\`

4. **Nach einer Passwortänderung:** alte gespeicherte Zugangsdaten entfernen: *Systemsteuerung › Anmeldeinformationsverwaltung › Windows-Anmeldeinformationen*, Einträge zum Server löschen; abmelden und neu anmelden.
5. Laufwerke per Gruppenrichtlinie: \`gpupdate /force\`, dann ab- und wieder anmelden.
6. „Zugriff verweigert“ für einen Ordner: die Berechtigung fehlt – beim Besitzer der Daten freigeben lassen, nicht selbst Rechte erweitern.`,
    requesterText: `Bitte doppelklicken Sie im Explorer auf das Laufwerk; im Homeoffice vorher das VPN verbinden. Fehlt es danach noch, melden Sie sich einmal von Windows ab und wieder an.`,
  },
  'teams-ton-mikrofon': {
    title: 'Teams: kein Ton, Mikrofon geht nicht',
    body: `## Vorgehen

1. In Teams: *Einstellungen › Geräte* – Lautsprecher und Mikrofon richtig gewählt (z. B. das Headset, nicht der Monitor)? *Testanruf durchführen*.
2. Im Meeting: Mikrofon nicht stummgeschaltet? Headset-Taste für Stummschaltung prüfen.
3. Windows: *Einstellungen › Datenschutz und Sicherheit › Mikrofon* – *Mikrofonzugriff* und *Desktop-Apps den Zugriff erlauben* einschalten.
4. Headset ab- und wieder anstecken (anderer USB-Anschluss, ohne Hub). Bluetooth: Headset entkoppeln und neu koppeln; „Hands-Free“ ist das Profil mit Mikrofon.
5. Andere Apps schließen, die das Mikrofon belegen (Zoom, Webex, Softphone).
6. Teams reparieren: *Einstellungen › Apps › Installierte Apps › Microsoft Teams › Erweiterte Optionen › Reparieren* (danach ggf. *Zurücksetzen*).`,
    requesterText: `Bitte prüfen Sie in Teams unter Einstellungen › Geräte, ob Ihr Headset als Lautsprecher und Mikrofon gewählt ist, und machen Sie dort einen Testanruf. Stecken Sie das Headset sonst einmal ab und wieder an.`,
  },
  'konto-gesperrt': {
    title: 'Benutzerkonto gesperrt: entsperren und Ursache finden',
    body: `## Symptom

Anmeldung scheitert mit „Das Konto ist gesperrt“ / „Your account has been locked“, oft nach einer Passwortänderung.

## Entsperren

- **Active Directory:** *Active Directory-Benutzer und -Computer* › Benutzer › *Konto* › *Konto entsperren*; oder PowerShell: \`Unlock-ADAccount -Identity mmuster\`.
- **Nur Microsoft 365 / Entra ID:** Smart Lockout sperrt nach mehreren Fehlversuchen für kurze Zeit (anfangs eine Minute, mit jedem weiteren Fehlversuch länger). Warten oder das Passwort im Admin Center zurücksetzen.

## Ursache finden (sonst ist es gleich wieder gesperrt)

\`\`\`
Get-ADUser mmuster -Properties LockedOut,BadLogonCount,LastBadPasswordAttempt
\`\`\`

Auf dem Domänencontroller (PDC-Emulator) zeigt Ereignis **4740** im Sicherheitsprotokoll, von welchem Rechner die Fehlversuche kommen. Häufige Quellen: altes Passwort im Handy-Mailprogramm, in gespeicherten Anmeldeinformationen, in Netzlaufwerken oder in einem geplanten Task.

## Danach

Altes Passwort überall ersetzen; bei Fehlversuchen von fremden Rechnern an einen Angriff denken und eskalieren.`,
    requesterText: '',
  },
};
