import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// Du, as WordPress's German (de_DE) addresses readers.
export const de: Translation<typeof en> = {
  'signIn.ok.title': 'Angemeldet',
  'signIn.ok.message': 'Du bist angemeldet. Du kannst dieses Fenster schließen.',
  'signIn.denied.title': 'Anmeldung abgebrochen',
  'signIn.denied.message':
    'Die Anmeldung wurde abgebrochen. Du kannst dieses Fenster schließen und als Gast kommentieren.',
  'signIn.failed.title': 'Anmeldung fehlgeschlagen',
  'signIn.failed.message':
    'Wir konnten dich nicht anmelden. Schließe dieses Fenster und versuche es erneut.',
  'signIn.bind.title': 'Mit {provider} anmelden',
  'signIn.bind.connecting': 'Verbindung zu {provider} wird hergestellt …',
  'signIn.bind.failed':
    'Wir konnten die Anmeldung nicht starten. Schließe dieses Fenster und versuche es erneut.',
  'signIn.notFromForm':
    'Dieser Anmeldelink funktioniert nur in dem Fenster, das das Kommentarformular geöffnet hat. Schließe es und starte die Anmeldung im Kommentarformular.',
  'signIn.otherWindow':
    'Diese Anmeldung kann in diesem Fenster nicht abgeschlossen werden. Starte sie erneut im Kommentarformular.',
  'signIn.error.message':
    'Bei uns ist etwas schiefgelaufen. Schließe dieses Fenster und versuche es erneut.',
  'signIn.unavailable.title': 'Anmeldung nicht verfügbar',
  'signIn.unavailable.message': 'Die Anmeldung über diesen Anbieter ist nicht verfügbar.',
  'signIn.invalid.title': 'Anmeldelink ungültig',
  'signIn.invalid.message':
    'Dieser Anmeldelink ist ungültig. Starte die Anmeldung erneut im Kommentarformular.',
  'signIn.expired.title': 'Anmeldung abgelaufen',
  'signIn.expired.message':
    'Die Anmeldung hat zu lange gedauert. Schließe dieses Fenster und versuche es erneut.',
  'signIn.used.title': 'Anmeldung bereits abgeschlossen',
  'signIn.used.message':
    'Diese Anmeldung ist bereits abgeschlossen. Du kannst dieses Fenster schließen.',
  'signIn.forbidden.title': 'Starte im Kommentarformular',
  'signIn.tooMany.title': 'Zu viele Versuche',
  'signIn.tooMany.message': 'Zu viele Versuche. Warte eine Minute und versuche es dann erneut.',
  'signIn.notFound.title': 'Nicht gefunden',
  'signIn.notFound.message': 'Unter dieser Adresse gibt es nichts.',
  'deletion.title': 'Datenlöschung',
  'deletion.done': 'Deine Daten wurden am {date} gelöscht.',
  'deletion.anonymised': {
    one: '{count} Kommentar anonymisiert.',
    other: '{count} Kommentare anonymisiert.',
  },
  'deletion.code': 'Bestätigungscode: {code}.',
  'deletion.notFound': 'Zu diesem Code gibt es keine Anfrage zur Datenlöschung.',
  'email.subject': '[{site}] Kommentar zu „{page}“ wartet auf Freischaltung',
  'email.wrote':
    '{author} hat einen Kommentar zu „{page}“ geschrieben, der auf Freischaltung wartet.',
  'email.anonymous': 'Anonym',
  'email.whyHeld': 'Warum er zurückgehalten wurde:',
  'email.noReason': 'kein Grund vermerkt',
  'email.approve': 'Genehmigen',
  'email.spam': 'Spam',
  'email.trash': 'Papierkorb',
  'email.allWaiting': 'Alle wartenden Kommentare auf {site}',
  'email.signInNote':
    'Die Links öffnen das Parley-Dashboard; melde dich dort als Moderator von {site} an.',
  'email.why': 'Du erhältst diese E-Mail, weil du {site} moderierst.',
  // Reply notifications (server/subscriptions/).
  'notify.confirm.subject': '[{site}] Bestätige deine E-Mail-Benachrichtigungen',
  'notify.confirm.intro':
    'Jemand, hoffentlich du, hat {site} gebeten, diese Adresse per E-Mail zu benachrichtigen über:',
  'notify.confirm.replies': 'neue Antworten auf deinen Kommentar zu „{page}“',
  'notify.confirm.page': 'neue Kommentare zu „{page}“',
  'notify.confirm.action': 'Bestätigen',
  'notify.confirm.expires': {
    one: 'Der Link gilt {count} Tag.',
    other: 'Der Link gilt {count} Tage.',
  },
  'notify.confirm.ignore':
    'Wenn du das nicht warst, ignoriere diese E-Mail: Es wird nichts weiter gesendet.',
  'notify.reply.subject': '[{site}] {author} hat auf deinen Kommentar zu „{page}“ geantwortet',
  'notify.reply.wrote': '{author} hat auf deinen Kommentar zu „{page}“ geantwortet:',
  'notify.comment.subject': '[{site}] Neuer Kommentar von {author} zu „{page}“',
  'notify.comment.wrote': '{author} hat „{page}“ kommentiert:',
  'notify.view': 'Auf der Seite ansehen',
  'notify.why.replies':
    'Du erhältst diese E-Mail, weil du {site} gebeten hast, dich über Antworten auf deinen Kommentar zu benachrichtigen.',
  'notify.why.page':
    'Du erhältst diese E-Mail, weil du {site} gebeten hast, dich über neue Kommentare zu „{page}“ zu benachrichtigen.',
  'notify.unsubscribe': 'Abbestellen',
  'notify.page.confirm.title': 'E-Mail-Benachrichtigungen bestätigen',
  'notify.page.confirm.question': 'Möchtest du von {site} E-Mails erhalten über:',
  'notify.page.confirm.button': 'Ja, benachrichtige mich',
  'notify.page.confirmed.title': 'Benachrichtigungen aktiviert',
  'notify.page.confirmed.message':
    'Erledigt. Jede E-Mail enthält einen Link, mit dem du sie mit einem Klick abbestellen kannst.',
  'notify.page.unsubscribe.title': 'Abbestellen',
  'notify.page.unsubscribe.question': 'Die E-Mails abbestellen, die {site} dir schickt über:',
  'notify.page.unsubscribe.button': 'Abbestellen',
  'notify.page.unsubscribed.title': 'Abbestellt',
  'notify.page.unsubscribed.message': 'Du erhältst diese E-Mails nicht mehr.',
  'notify.page.invalid.title': 'Link ungültig',
  'notify.page.invalid.message':
    'Dieser Link ist nicht (mehr) gültig: Vielleicht hast du schon abbestellt.',
  'notify.page.expired.title': 'Link abgelaufen',
  'notify.page.expired.message':
    'Dieser Link ist abgelaufen. Setze das Häkchen erneut, wenn du das nächste Mal kommentierst.',
  // A guest's data by emailed link (server/privacy/guest-data.*).
  'data.email.subject': '[{site}] Ihre Daten auf {site}',
  'data.email.asked':
    'Jemand (hoffentlich Sie) hat gefragt, was die Kommentare auf „{site}“ über {email} enthalten.',
  'data.email.open': 'Öffnen Sie diesen Link, um sie herunterzuladen oder zu löschen:',
  'data.email.once': {
    one: 'Der Link funktioniert einmal, innerhalb von {count} Minute (eine neuere Anfrage ersetzt ihn), und nur für „{site}“: Andere Websites, die denselben Kommentarserver nutzen, behalten ihre eigenen Daten und brauchen eine eigene Anfrage.',
    other:
      'Der Link funktioniert einmal, innerhalb von {count} Minuten (eine neuere Anfrage ersetzt ihn), und nur für „{site}“: Andere Websites, die denselben Kommentarserver nutzen, behalten ihre eigenen Daten und brauchen eine eigene Anfrage.',
  },
  'data.email.ignore':
    'Wenn Sie das nicht angefragt haben, ignorieren Sie diese E-Mail: Ohne den Link passiert nichts. Leiten Sie sie nicht weiter: Wer den Link zuerst öffnet, kann diese Kommentare sehen und löschen.',
  'data.title': 'Ihre Daten auf {site}',
  'data.perSite':
    'Dies betrifft nur „{site}“: Andere Websites, die denselben Kommentarserver nutzen, behalten ihre eigenen Daten, und jede braucht eine eigene Anfrage.',
  'data.link.intro':
    'Fahren Sie fort, um zu sehen, was „{site}“ über Ihre E-Mail-Adresse gespeichert hat, und um es herunterzuladen oder zu löschen.',
  'data.link.continue': 'Weiter',
  'data.summary': {
    one: '„{site}“ hat {count} Kommentar, geschrieben mit {email}.',
    other: '„{site}“ hat {count} Kommentare, geschrieben mit {email}.',
  },
  'data.download': 'Meine Daten herunterladen (JSON)',
  'data.delete.legend': 'Meine Daten auf {site} löschen',
  'data.delete.what':
    'Ihr Name, Ihre E-Mail-Adresse, Website, Ihr Bild, Ihre IP-Adresse und Ihr Browser werden aus jedem Kommentar entfernt, der mit dieser Adresse geschrieben wurde.',
  'data.delete.choose': 'Wählen Sie, was aus den Kommentaren wird:',
  'data.delete.policy': 'Die Regel dieser Website bestimmt, was aus den Kommentaren wird:',
  'data.delete.anonymise': 'Löschen, meine Kommentare ohne meinen Namen behalten',
  'data.delete.remove': 'Löschen, und meine Kommentare entfernen',
  'data.delete.placeholder':
    'Ein entfernter Kommentar mit Antworten bleibt als „gelöscht“-Platzhalter stehen, damit die Antworten ihren Platz behalten.',
  'data.retention': {
    one: 'IP-Adressen und Browser werden ohnehin nach {count} Tag aus jedem Kommentar gelöscht.',
    other:
      'IP-Adressen und Browser werden ohnehin nach {count} Tagen aus jedem Kommentar gelöscht.',
  },
  'data.session': {
    one: 'Diese Seite funktioniert {count} Minute lang.',
    other: 'Diese Seite funktioniert {count} Minuten lang.',
  },
  'data.deleted.title': 'Ihre Daten auf {site} wurden gelöscht',
  'data.deleted.kept': {
    one: '{count} Kommentar auf „{site}“ ohne Namen behalten. Von Ihrer Adresse ist dort nichts mehr übrig.',
    other:
      '{count} Kommentare auf „{site}“ ohne Namen behalten. Von Ihrer Adresse ist dort nichts mehr übrig.',
  },
  'data.deleted.removed': {
    one: '{count} Kommentar auf „{site}“ entfernt. Von Ihrer Adresse ist dort nichts mehr übrig.',
    other:
      '{count} Kommentare auf „{site}“ entfernt. Von Ihrer Adresse ist dort nichts mehr übrig.',
  },
  'data.error.title': 'Dieser Link kann nicht verwendet werden',
  'data.error.linkInvalid':
    'Dieser Link kann nicht verwendet werden: Er ist abgelaufen, wurde schon benutzt oder gehört zu einer anderen Website. Fordern Sie über die Kommentare auf der Website einen neuen an.',
  'data.error.expired':
    'Diese Seite ist abgelaufen. Fordern Sie über die Kommentare auf der Website einen neuen Link an.',
  'data.error.unknownSite':
    'Unter dieser Adresse gibt es keine Website. Prüfen Sie den Link in Ihrer E-Mail.',
  'data.error.origin': 'Verwenden Sie das Formular auf dieser Seite.',
  'data.error.invalid':
    'Dieses Formular wurde nicht wie erwartet gesendet. Gehen Sie zurück und versuchen Sie es erneut.',
  'data.error.policy':
    'Diese Website bietet diese Wahl nicht an. Gehen Sie zurück und verwenden Sie eine der Schaltflächen.',
  'data.error.other':
    'Diese Seite kann nicht angezeigt werden. Fordern Sie über die Kommentare auf der Website einen neuen Link an.',
  'data.error.busyTitle': 'Zu viele Versuche',
  'data.error.rateLimited': {
    one: 'Bitte warten Sie {count} Sekunde und versuchen Sie es dann erneut.',
    other: 'Bitte warten Sie {count} Sekunden und versuchen Sie es dann erneut.',
  },
  'data.error.serverTitle': 'Etwas ist schiefgelaufen',
  'data.error.server':
    'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es in ein paar Minuten erneut.',
};
