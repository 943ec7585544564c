import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// WordPress's French (fr_FR): « Laisser un commentaire », « Annuler la réponse »,
// and Jetpack's « Entrez vos coordonnées ci-dessous ou cliquez sur une icône… ».
export const fr: Translation<typeof en> = {
  'frame.title': 'Commentaires',
  unavailable: 'Les commentaires ne sont pas disponibles.',
  'count.none': 'Aucun commentaire pour l’instant',
  'count.some': {
    one: '{count} commentaire',
    many: '{count} de commentaires',
    other: '{count} commentaires',
  },
  'count.heading': 'Commentaires',
  'time.justNow': 'à l’instant',

  'comment.deleted': 'Ce commentaire a été supprimé.',
  'comment.deletedAuthor': 'Utilisateur supprimé',
  'comment.anonymousAuthor': 'Anonyme',
  'comment.inReplyTo': 'En réponse à {name}',
  'comment.edited': '(modifié)',
  'comment.awaiting': 'Votre commentaire est en attente de modération.',
  'comment.reply': 'Répondre',
  'comment.replyTo': 'Répondre à {name}',
  'comment.edit': 'Modifier',
  'comment.editYours': 'Modifier votre commentaire',
  'comment.delete': 'Supprimer',
  'comment.deleteYours': 'Supprimer votre commentaire',
  'edit.label': 'Votre commentaire',
  'edit.save': 'Enregistrer',
  'edit.saving': 'Enregistrement…',
  'edit.cancel': 'Annuler',
  'delete.confirm': 'Supprimer ce commentaire\u00a0?',
  'delete.deleting': 'Suppression…',
  'delete.keep': 'Conserver',

  'form.leave': 'Laisser un commentaire',
  'form.replyTo': 'Répondre à {name}',
  'form.cancelReply': 'Annuler la réponse',
  'form.comment': 'Commentaire',
  'form.placeholder': 'Écrivez un commentaire…',
  'form.details': 'Entrez vos coordonnées ci-dessous',
  'form.detailsOrLogIn':
    'Entrez vos coordonnées ci-dessous ou cliquez sur une icône pour vous connecter\u00a0:',
  'form.email': 'E-mail',
  'form.emailHint': 'Adresse jamais rendue publique',
  'form.name': 'Nom',
  'form.website': 'Site web',
  'form.remember':
    'Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.',
  'form.honeypot': 'Laissez ce champ vide',
  'form.post': 'Laisser un commentaire',
  'form.posting': 'Publication…',
  'form.akismet': 'Ce site utilise Akismet pour réduire les indésirables.',
  'form.privacy': 'En savoir plus sur la façon dont les données de vos commentaires sont utilisées',

  'field.check': 'Veuillez vérifier ce champ.',
  'field.body.missing': 'Veuillez écrire votre commentaire.',
  'field.body.tooLong': {
    one: 'Votre commentaire dépasse {count} caractère. Il est conservé ici\u00a0: raccourcissez-le.',
    many: 'Votre commentaire dépasse {count} de caractères. Il est conservé ici\u00a0: raccourcissez-le.',
    other:
      'Votre commentaire dépasse {count} caractères. Il est conservé ici\u00a0: raccourcissez-le.',
  },
  'field.name.missing': 'Veuillez saisir votre nom.',
  'field.name.invalid': 'Veuillez saisir un nom plus court.',
  'field.email.missing': 'Veuillez saisir votre adresse e-mail. Elle ne sera jamais publiée.',
  'field.email.invalid': 'Veuillez saisir une adresse e-mail valide, comme nom@exemple.fr.',
  'field.website.invalid':
    'Veuillez saisir une adresse web comme exemple.fr, ou laisser ce champ vide.',
  'form.problems': {
    one: 'Un champ demande votre attention.',
    many: '{count} de champs demandent votre attention.',
    other: '{count} champs demandent votre attention.',
  },
  'form.left': {
    one: '{count} caractère restant',
    many: '{count} de caractères restants',
    other: '{count} caractères restants',
  },
  'form.over': {
    one: '{count} caractère de trop',
    many: '{count} de caractères de trop',
    other: '{count} caractères de trop',
  },
  'form.posted': 'Votre commentaire a été publié.',
  'form.held':
    'Votre commentaire est en attente de modération. Il apparaîtra dès qu’un modérateur l’aura approuvé.',

  'error.signedOut':
    'Votre session a expiré. Votre commentaire est conservé ici\u00a0; reconnectez-vous, ou entrez vos coordonnées pour le publier sans compte.',
  'error.server':
    'Le serveur de commentaires a rencontré un problème. Votre commentaire est conservé ici\u00a0; veuillez réessayer.',
  'error.network':
    'Impossible de joindre le serveur de commentaires. Votre commentaire est conservé ici\u00a0; veuillez réessayer.',
  'error.originNotAllowed': 'Les commentaires ne peuvent pas être publiés depuis cette page.',
  'error.parentNotFound': 'Le commentaire auquel vous répondez n’existe plus.',
  'error.unknownSite': 'Les commentaires ne sont pas disponibles sur ce site.',
  'error.notAuthor': 'Seul son auteur peut modifier ce commentaire.',
  'error.commentNotFound': 'Ce commentaire n’existe plus.',
  'error.tooLarge': 'Votre commentaire est trop long. Raccourcissez-le et réessayez.',
  'error.rateLimited': 'Vous publiez trop vite. Patientez un peu, puis réessayez.',
  'error.rateLimitedFor': {
    one: 'Vous publiez trop vite. Patientez {count} seconde, puis réessayez.',
    many: 'Vous publiez trop vite. Patientez {count} de secondes, puis réessayez.',
    other: 'Vous publiez trop vite. Patientez {count} secondes, puis réessayez.',
  },
  'error.duplicate': 'Vous avez déjà publié ce commentaire.',
  'error.banned': 'Vous ne pouvez pas commenter sur ce site.',
  'error.spam': 'Votre commentaire a été refusé comme indésirable.',
  'error.editWindowClosed': 'Le délai pour modifier ce commentaire est dépassé.',

  'signIn.connecting': 'Connexion à {provider}…',
  'signIn.cancel': 'Annuler',
  'signIn.logInWith': 'Se connecter avec {provider}',
  'signIn.as': 'Vous commentez à l’aide de votre compte {provider}.',
  'signIn.logOut': 'Déconnexion',
  'signIn.change': 'Changer',
  'signIn.ended': 'Votre session a pris fin. Reconnectez-vous pour commenter avec votre compte.',
  'signIn.popupBlocked':
    'Votre navigateur a bloqué la fenêtre de connexion. Autorisez les fenêtres pop-up pour ce site, puis réessayez.',
  'signIn.cancelled': 'Vous avez annulé la connexion.',
  'signIn.wasCancelled': 'La connexion a été annulée.',
  'signIn.cancelledWith': 'Vous avez annulé la connexion avec {provider}.',
  'signIn.tooLong': 'La connexion a pris trop de temps. Veuillez réessayer.',
  'signIn.tooMany': 'Trop de tentatives de connexion. Patientez une minute, puis réessayez.',
  'signIn.network': 'Impossible de joindre le serveur de commentaires. Veuillez réessayer.',
  'signIn.unavailable': 'La connexion avec {provider} n’est pas disponible ici.',
  'signIn.failed': 'La connexion n’a pas abouti. Réessayez, ou commentez sans vous connecter.',
  'signIn.failedWith':
    'La connexion avec {provider} n’a pas abouti. Réessayez, ou commentez sans vous connecter.',
  'form.notifyReplies': 'M’avertir des nouvelles réponses par e-mail',
  'form.notifyPage': 'M’avertir des nouveaux commentaires sur cet article',
  'form.notify.confirmEmail': 'Vérifiez vos e-mails pour confirmer.',
  'comment.new': 'Nouveau',
  'more.comments': 'Charger plus de commentaires',
  'more.replies': {
    one: 'Afficher {count} autre réponse',
    many: 'Afficher {count} autres réponses',
    other: 'Afficher {count} autres réponses',
  },
  'more.failed': 'Impossible de les charger. Veuillez réessayer.',
  'data.open': 'Vos données sur ce site',
  'data.explain':
    'Téléchargez ou supprimez les commentaires que vous avez écrits ici avec votre adresse e-mail. Nous vous enverrons un lien par e-mail pour prouver qu’ils sont à vous. Les autres sites ne sont pas concernés.',
  'data.email': 'Votre e-mail',
  'data.send': 'M’envoyer un lien',
  'data.sent': {
    one: 'Si {email} est votre adresse, un lien vous y est envoyé. Il fonctionne une seule fois, pendant {count} minute, pour ce site uniquement.',
    many: 'Si {email} est votre adresse, un lien vous y est envoyé. Il fonctionne une seule fois, pendant {count} minutes, pour ce site uniquement.',
    other:
      'Si {email} est votre adresse, un lien vous y est envoyé. Il fonctionne une seule fois, pendant {count} minutes, pour ce site uniquement.',
  },
  'data.sendFailed': 'Votre demande n’a pas pu être envoyée. Veuillez réessayer.',
  'data.tooMany': {
    one: 'Trop de demandes depuis cet endroit. Réessayez dans {count} minute.',
    many: 'Trop de demandes depuis cet endroit. Réessayez dans {count} de minutes.',
    other: 'Trop de demandes depuis cet endroit. Réessayez dans {count} minutes.',
  },
  'data.noEmail':
    'Ce serveur de commentaires n’envoie pas d’e-mails. Demandez au propriétaire du site d’exporter ou de supprimer vos données.',
  'data.download': 'Télécharger mes données',
  'data.delete': 'Supprimer mon compte',
  'data.deleteTitle': 'Supprimer mon compte sur ce site',
  'data.deleteExplain':
    'Supprimer votre compte sur ce site ? Votre nom, votre photo et vos sessions ici disparaissent. Les autres sites ne sont pas concernés.',
  'data.deleteKeep': 'Supprimer, garder mes commentaires sous « Utilisateur supprimé »',
  'data.deleteRemove': 'Supprimer, et retirer mes commentaires',
  'data.downloadFailed': 'Vos données n’ont pas pu être téléchargées. Veuillez réessayer.',
  'data.deleteFailed': 'Votre compte n’a pas pu être supprimé. Veuillez réessayer.',
  'data.deleted': 'Votre compte sur ce site a été supprimé.',
};
