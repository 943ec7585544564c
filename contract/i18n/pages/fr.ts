import type { Translation } from '../format.ts';
import type { en } from './en.ts';

export const fr: Translation<typeof en> = {
  'signIn.ok.title': 'Connexion réussie',
  'signIn.ok.message': 'Connexion réussie. Vous pouvez fermer cette fenêtre.',
  'signIn.denied.title': 'Connexion annulée',
  'signIn.denied.message':
    'La connexion a été annulée. Vous pouvez fermer cette fenêtre et commenter sans vous connecter.',
  'signIn.failed.title': 'Échec de la connexion',
  'signIn.failed.message': 'Nous n’avons pas pu vous connecter. Fermez cette fenêtre et réessayez.',
  'signIn.bind.title': 'Se connecter avec {provider}',
  'signIn.bind.connecting': 'Connexion à {provider}…',
  'signIn.bind.failed':
    'Nous n’avons pas pu lancer la connexion. Fermez cette fenêtre et réessayez.',
  'signIn.notFromForm':
    'Ce lien de connexion ne fonctionne que dans la fenêtre ouverte par le formulaire de commentaire. Fermez-la et connectez-vous depuis le formulaire de commentaire.',
  'signIn.otherWindow':
    'Cette connexion ne peut pas se terminer dans cette fenêtre. Recommencez depuis le formulaire de commentaire.',
  'signIn.error.message':
    'Un problème est survenu de notre côté. Fermez cette fenêtre et réessayez.',
  'signIn.unavailable.title': 'Connexion indisponible',
  'signIn.unavailable.message': 'La connexion avec ce service n’est pas disponible.',
  'signIn.invalid.title': 'Lien de connexion non valide',
  'signIn.invalid.message':
    'Ce lien de connexion n’est pas valide. Recommencez depuis le formulaire de commentaire.',
  'signIn.expired.title': 'Connexion expirée',
  'signIn.expired.message': 'La connexion a pris trop de temps. Fermez cette fenêtre et réessayez.',
  'signIn.used.title': 'Connexion déjà terminée',
  'signIn.used.message': 'Cette connexion est déjà terminée. Vous pouvez fermer cette fenêtre.',
  'signIn.forbidden.title': 'Commencez depuis le formulaire de commentaire',
  'signIn.tooMany.title': 'Trop de tentatives',
  'signIn.tooMany.message': 'Trop de tentatives. Patientez une minute, puis réessayez.',
  'signIn.notFound.title': 'Page introuvable',
  'signIn.notFound.message': 'Il n’y a rien à cette adresse.',
  'deletion.title': 'Suppression des données',
  'deletion.done': 'Vos données ont été supprimées le {date}.',
  'deletion.anonymised': {
    one: '{count} commentaire anonymisé.',
    many: '{count} de commentaires anonymisés.',
    other: '{count} commentaires anonymisés.',
  },
  'deletion.code': 'Code de confirmation\u00a0: {code}.',
  'deletion.notFound': 'Aucune demande de suppression de données ne correspond à ce code.',
  'email.subject': '[{site}] Commentaire en attente de modération sur «\u00a0{page}\u00a0»',
  'email.wrote':
    '{author} a écrit sur «\u00a0{page}\u00a0» un commentaire en attente de modération.',
  'email.anonymous': 'Anonyme',
  'email.whyHeld': 'Pourquoi il a été retenu\u00a0:',
  'email.noReason': 'aucune raison enregistrée',
  'email.approve': 'Approuver',
  'email.spam': 'Indésirable',
  'email.trash': 'Corbeille',
  'email.allWaiting': 'Tous les commentaires en attente sur {site}',
  'email.signInNote':
    'Ces liens ouvrent le tableau de bord de Parley\u00a0; connectez-vous-y en tant que modérateur de {site}.',
  'email.why': 'Vous recevez cet e-mail parce que vous modérez {site}.',
  // Reply notifications (server/subscriptions/).
  'notify.confirm.subject': '[{site}] Confirmez vos notifications par e-mail',
  'notify.confirm.intro':
    'Quelqu’un (vous, espérons-le) a demandé à {site} d’écrire à cette adresse pour\u00a0:',
  'notify.confirm.replies': 'les nouvelles réponses à votre commentaire sur «\u00a0{page}\u00a0»',
  'notify.confirm.page': 'les nouveaux commentaires sur «\u00a0{page}\u00a0»',
  'notify.confirm.action': 'Confirmer',
  'notify.confirm.expires': {
    one: 'Le lien est valable {count}\u00a0jour.',
    many: 'Le lien est valable {count}\u00a0de jours.',
    other: 'Le lien est valable {count}\u00a0jours.',
  },
  'notify.confirm.ignore':
    'Si ce n’était pas vous, ignorez cet e-mail\u00a0: rien d’autre ne vous sera envoyé.',
  'notify.reply.subject':
    '[{site}] {author} a répondu à votre commentaire sur «\u00a0{page}\u00a0»',
  'notify.reply.wrote': '{author} a répondu à votre commentaire sur «\u00a0{page}\u00a0»\u00a0:',
  'notify.comment.subject': '[{site}] Nouveau commentaire de {author} sur «\u00a0{page}\u00a0»',
  'notify.comment.wrote': '{author} a commenté «\u00a0{page}\u00a0»\u00a0:',
  'notify.view': 'Voir sur la page',
  'notify.why.replies':
    'Vous recevez cet e-mail parce que vous avez demandé à {site} de vous prévenir des réponses à votre commentaire.',
  'notify.why.page':
    'Vous recevez cet e-mail parce que vous avez demandé à {site} de vous prévenir des nouveaux commentaires sur «\u00a0{page}\u00a0».',
  'notify.unsubscribe': 'Se désabonner',
  'notify.page.confirm.title': 'Confirmer les notifications par e-mail',
  'notify.page.confirm.question': 'Voulez-vous recevoir des e-mails de {site} pour\u00a0:',
  'notify.page.confirm.button': 'Oui, écrivez-moi',
  'notify.page.confirmed.title': 'Notifications activées',
  'notify.page.confirmed.message':
    'C’est fait. Chaque e-mail contiendra un lien pour les arrêter en un clic.',
  'notify.page.unsubscribe.title': 'Se désabonner',
  'notify.page.unsubscribe.question': 'Arrêter les e-mails que {site} vous envoie pour\u00a0:',
  'notify.page.unsubscribe.button': 'Se désabonner',
  'notify.page.unsubscribed.title': 'Désabonnement effectué',
  'notify.page.unsubscribed.message': 'Vous ne recevrez plus ces e-mails.',
  'notify.page.invalid.title': 'Lien non valide',
  'notify.page.invalid.message':
    'Ce lien n’est pas ou plus valide\u00a0: vous vous êtes peut-être déjà désabonné.',
  'notify.page.expired.title': 'Lien expiré',
  'notify.page.expired.message':
    'Ce lien a expiré. Cochez de nouveau la case la prochaine fois que vous commentez.',
  // A guest's data by emailed link (server/privacy/guest-data.*).
  'data.email.subject': '[{site}] Vos données sur {site}',
  'data.email.asked':
    'Quelqu’un (vous, espérons-le) a demandé ce que les commentaires de «\u00a0{site}\u00a0» contiennent sur {email}.',
  'data.email.open': 'Ouvrez ce lien pour les télécharger ou les supprimer\u00a0:',
  'data.email.once': {
    one: 'Le lien ne sert qu’une fois, dans un délai de {count}\u00a0minute (une nouvelle demande le remplace), et seulement pour «\u00a0{site}\u00a0»\u00a0: les autres sites qui utilisent le même serveur de commentaires gardent leurs propres données et chacun nécessite sa propre demande.',
    many: 'Le lien ne sert qu’une fois, dans un délai de {count}\u00a0de minutes (une nouvelle demande le remplace), et seulement pour «\u00a0{site}\u00a0»\u00a0: les autres sites qui utilisent le même serveur de commentaires gardent leurs propres données et chacun nécessite sa propre demande.',
    other:
      'Le lien ne sert qu’une fois, dans un délai de {count}\u00a0minutes (une nouvelle demande le remplace), et seulement pour «\u00a0{site}\u00a0»\u00a0: les autres sites qui utilisent le même serveur de commentaires gardent leurs propres données et chacun nécessite sa propre demande.',
  },
  'data.email.ignore':
    'Si vous n’avez rien demandé, ignorez cet e-mail\u00a0: rien ne se passe sans le lien. Ne le transférez pas\u00a0: la première personne qui l’ouvre peut voir et supprimer ces commentaires.',
  'data.title': 'Vos données sur {site}',
  'data.perSite':
    'Ceci ne concerne que «\u00a0{site}\u00a0»\u00a0: les autres sites qui utilisent le même serveur de commentaires gardent leurs propres données, et chacun nécessite sa propre demande.',
  'data.link.intro':
    'Continuez pour voir ce que «\u00a0{site}\u00a0» détient sur votre adresse e-mail, et pour le télécharger ou le supprimer.',
  'data.link.continue': 'Continuer',
  'data.summary': {
    one: '«\u00a0{site}\u00a0» détient {count}\u00a0commentaire écrit avec {email}.',
    many: '«\u00a0{site}\u00a0» détient {count}\u00a0de commentaires écrits avec {email}.',
    other: '«\u00a0{site}\u00a0» détient {count}\u00a0commentaires écrits avec {email}.',
  },
  'data.download': 'Télécharger mes données (JSON)',
  'data.delete.legend': 'Supprimer mes données sur {site}',
  'data.delete.what':
    'Votre nom, votre e-mail, votre site web, votre image, votre adresse IP et votre navigateur sont retirés de chaque commentaire écrit avec cette adresse.',
  'data.delete.choose': 'Choisissez ce que deviennent les commentaires\u00a0:',
  'data.delete.policy': 'La règle de ce site décide de ce que deviennent les commentaires\u00a0:',
  'data.delete.anonymise': 'Supprimer, et garder mes commentaires sans mon nom',
  'data.delete.remove': 'Supprimer, et retirer mes commentaires',
  'data.delete.placeholder':
    'Un commentaire retiré qui a des réponses reste sous forme de marque «\u00a0supprimé\u00a0», pour que les réponses gardent leur place.',
  'data.retention': {
    one: 'Les adresses IP et les navigateurs sont de toute façon effacés de chaque commentaire au bout de {count}\u00a0jour.',
    many: 'Les adresses IP et les navigateurs sont de toute façon effacés de chaque commentaire au bout de {count}\u00a0de jours.',
    other:
      'Les adresses IP et les navigateurs sont de toute façon effacés de chaque commentaire au bout de {count}\u00a0jours.',
  },
  'data.session': {
    one: 'Cette page fonctionne pendant {count}\u00a0minute.',
    many: 'Cette page fonctionne pendant {count}\u00a0de minutes.',
    other: 'Cette page fonctionne pendant {count}\u00a0minutes.',
  },
  'data.deleted.title': 'Vos données sur {site} ont été supprimées',
  'data.deleted.kept': {
    one: '{count}\u00a0commentaire gardé sans nom sur «\u00a0{site}\u00a0». Il n’y reste rien de votre adresse.',
    many: '{count}\u00a0de commentaires gardés sans nom sur «\u00a0{site}\u00a0». Il n’y reste rien de votre adresse.',
    other:
      '{count}\u00a0commentaires gardés sans nom sur «\u00a0{site}\u00a0». Il n’y reste rien de votre adresse.',
  },
  'data.deleted.removed': {
    one: '{count}\u00a0commentaire retiré de «\u00a0{site}\u00a0». Il n’y reste rien de votre adresse.',
    many: '{count}\u00a0de commentaires retirés de «\u00a0{site}\u00a0». Il n’y reste rien de votre adresse.',
    other:
      '{count}\u00a0commentaires retirés de «\u00a0{site}\u00a0». Il n’y reste rien de votre adresse.',
  },
  'data.error.title': 'Ce lien ne peut pas être utilisé',
  'data.error.linkInvalid':
    'Ce lien ne peut pas être utilisé\u00a0: il a expiré, a déjà servi ou concerne un autre site. Demandez-en un nouveau depuis les commentaires du site.',
  'data.error.expired':
    'Cette page a expiré. Demandez un nouveau lien depuis les commentaires du site.',
  'data.error.unknownSite':
    'Il n’y a aucun site à cette adresse. Vérifiez le lien de votre e-mail.',
  'data.error.origin': 'Utilisez le formulaire de cette page.',
  'data.error.invalid':
    'Ce formulaire n’a pas été envoyé comme prévu. Revenez en arrière et réessayez.',
  'data.error.policy':
    'Ce site ne propose pas ce choix. Revenez en arrière et utilisez l’un des boutons.',
  'data.error.other':
    'Cette page ne peut pas être affichée. Demandez un nouveau lien depuis les commentaires du site.',
  'data.error.busyTitle': 'Trop de tentatives',
  'data.error.rateLimited': {
    one: 'Patientez {count} seconde, puis réessayez.',
    many: 'Patientez {count} de secondes, puis réessayez.',
    other: 'Patientez {count} secondes, puis réessayez.',
  },
  'data.error.serverTitle': 'Un problème est survenu',
  'data.error.server': 'Un problème est survenu de notre côté. Réessayez dans quelques minutes.',
};
