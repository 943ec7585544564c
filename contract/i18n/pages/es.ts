import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// Tú, as WordPress's Spanish (es_ES) addresses readers.
export const es: Translation<typeof en> = {
  'signIn.ok.title': 'Sesión iniciada',
  'signIn.ok.message': 'Has iniciado sesión. Puedes cerrar esta ventana.',
  'signIn.denied.title': 'Inicio de sesión cancelado',
  'signIn.denied.message':
    'Se ha cancelado el inicio de sesión. Puedes cerrar esta ventana y comentar como invitado.',
  'signIn.failed.title': 'Error al iniciar sesión',
  'signIn.failed.message':
    'No hemos podido iniciar tu sesión. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.bind.title': 'Iniciar sesión con {provider}',
  'signIn.bind.connecting': 'Conectando con {provider}…',
  'signIn.bind.failed':
    'No hemos podido empezar el inicio de sesión. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.notFromForm':
    'Este enlace de inicio de sesión solo funciona en la ventana que abrió el formulario de comentarios. Ciérrala e inicia sesión desde el formulario de comentarios.',
  'signIn.otherWindow':
    'Este inicio de sesión no puede terminarse en esta ventana. Vuelve a empezar desde el formulario de comentarios.',
  'signIn.error.message':
    'Algo ha fallado por nuestra parte. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.unavailable.title': 'Inicio de sesión no disponible',
  'signIn.unavailable.message': 'El inicio de sesión con este proveedor no está disponible.',
  'signIn.invalid.title': 'Enlace de inicio de sesión no válido',
  'signIn.invalid.message':
    'Este enlace de inicio de sesión no es válido. Vuelve a empezar desde el formulario de comentarios.',
  'signIn.expired.title': 'Inicio de sesión caducado',
  'signIn.expired.message':
    'El inicio de sesión ha tardado demasiado. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.used.title': 'Inicio de sesión ya completado',
  'signIn.used.message': 'Este inicio de sesión ya se ha completado. Puedes cerrar esta ventana.',
  'signIn.forbidden.title': 'Empieza desde el formulario de comentarios',
  'signIn.tooMany.title': 'Demasiados intentos',
  'signIn.tooMany.message': 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.',
  'signIn.notFound.title': 'No encontrado',
  'signIn.notFound.message': 'No hay nada en esta dirección.',
  'deletion.title': 'Eliminación de datos',
  'deletion.done': 'Tus datos se eliminaron el {date}.',
  'deletion.anonymised': {
    one: '{count} comentario anonimizado.',
    many: '{count} de comentarios anonimizados.',
    other: '{count} comentarios anonimizados.',
  },
  'deletion.code': 'Código de confirmación: {code}.',
  'deletion.notFound': 'Ninguna solicitud de eliminación de datos tiene este código.',
  'email.subject': '[{site}] Comentario pendiente de moderación en «{page}»',
  'email.wrote': '{author} ha escrito en «{page}» un comentario pendiente de moderación.',
  'email.anonymous': 'Anónimo',
  'email.whyHeld': 'Por qué se ha retenido:',
  'email.noReason': 'no se ha registrado ningún motivo',
  'email.approve': 'Aprobar',
  'email.spam': 'Marcar como spam',
  'email.trash': 'Papelera',
  'email.allWaiting': 'Todos los comentarios pendientes en {site}',
  'email.signInNote':
    'Los enlaces abren el escritorio de Parley; accede allí como moderador de {site}.',
  'email.why': 'Recibes este correo electrónico porque moderas {site}.',
  // Reply notifications (server/subscriptions/).
  'notify.confirm.subject': '[{site}] Confirma tus avisos por correo electrónico',
  'notify.confirm.intro':
    'Alguien, esperamos que tú, ha pedido a {site} que escriba a esta dirección sobre:',
  'notify.confirm.replies': 'nuevas respuestas a tu comentario en «{page}»',
  'notify.confirm.page': 'nuevos comentarios en «{page}»',
  'notify.confirm.action': 'Confirmar',
  'notify.confirm.expires': {
    one: 'El enlace es válido durante {count} día.',
    many: 'El enlace es válido durante {count} de días.',
    other: 'El enlace es válido durante {count} días.',
  },
  'notify.confirm.ignore': 'Si no has sido tú, ignora este correo: no se enviará nada más.',
  'notify.reply.subject': '[{site}] {author} ha respondido a tu comentario en «{page}»',
  'notify.reply.wrote': '{author} ha respondido a tu comentario en «{page}»:',
  'notify.comment.subject': '[{site}] Nuevo comentario de {author} en «{page}»',
  'notify.comment.wrote': '{author} ha comentado en «{page}»:',
  'notify.view': 'Verlo en la página',
  'notify.why.replies':
    'Recibes este correo porque pediste a {site} que te avisara de las respuestas a tu comentario.',
  'notify.why.page':
    'Recibes este correo porque pediste a {site} que te avisara de los nuevos comentarios en «{page}».',
  'notify.unsubscribe': 'Darse de baja',
  'notify.page.confirm.title': 'Confirmar avisos por correo electrónico',
  'notify.page.confirm.question': '¿Quieres que {site} te escriba sobre lo siguiente?',
  'notify.page.confirm.button': 'Sí, escríbeme',
  'notify.page.confirmed.title': 'Avisos activados',
  'notify.page.confirmed.message':
    'Listo. Cada correo incluirá un enlace para dejar de recibirlos con un clic.',
  'notify.page.unsubscribe.title': 'Darse de baja',
  'notify.page.unsubscribe.question': 'Dejar de recibir los correos que {site} te envía sobre:',
  'notify.page.unsubscribe.button': 'Darme de baja',
  'notify.page.unsubscribed.title': 'Baja confirmada',
  'notify.page.unsubscribed.message': 'Ya no recibirás estos correos.',
  'notify.page.invalid.title': 'Enlace no válido',
  'notify.page.invalid.message':
    'Este enlace no es válido o ya no lo es: puede que ya te hayas dado de baja.',
  'notify.page.expired.title': 'Enlace caducado',
  'notify.page.expired.message':
    'Este enlace ha caducado. Vuelve a marcar la casilla la próxima vez que comentes.',
  // A guest's data by emailed link (server/privacy/guest-data.*).
  'data.email.subject': '[{site}] Tus datos en {site}',
  'data.email.asked':
    'Alguien (esperamos que tú) preguntó qué guardan los comentarios de «{site}» sobre {email}.',
  'data.email.open': 'Abre este enlace para descargarlos o eliminarlos:',
  'data.email.once': {
    one: 'El enlace funciona una sola vez, durante {count} minuto (una solicitud más reciente lo sustituye), y solo para «{site}»: otros sitios que usan el mismo servidor de comentarios guardan sus propios datos y necesitan su propia solicitud.',
    many: 'El enlace funciona una sola vez, durante {count} de minutos (una solicitud más reciente lo sustituye), y solo para «{site}»: otros sitios que usan el mismo servidor de comentarios guardan sus propios datos y necesitan su propia solicitud.',
    other:
      'El enlace funciona una sola vez, durante {count} minutos (una solicitud más reciente lo sustituye), y solo para «{site}»: otros sitios que usan el mismo servidor de comentarios guardan sus propios datos y necesitan su propia solicitud.',
  },
  'data.email.ignore':
    'Si no lo pediste, ignora este correo: no pasa nada sin el enlace. No lo reenvíes: quien lo abra primero puede ver y eliminar estos comentarios.',
  'data.title': 'Tus datos en {site}',
  'data.perSite':
    'Esto solo abarca «{site}»: otros sitios que usan el mismo servidor de comentarios guardan sus propios datos, y cada uno necesita su propia solicitud.',
  'data.link.intro':
    'Continúa para ver qué guarda «{site}» sobre tu dirección de correo, y para descargarlo o eliminarlo.',
  'data.link.continue': 'Continuar',
  'data.summary': {
    one: '«{site}» guarda {count} comentario escrito con {email}.',
    many: '«{site}» guarda {count} de comentarios escritos con {email}.',
    other: '«{site}» guarda {count} comentarios escritos con {email}.',
  },
  'data.download': 'Descargar mis datos (JSON)',
  'data.delete.legend': 'Eliminar mis datos en {site}',
  'data.delete.what':
    'Tu nombre, correo, sitio web, imagen, dirección IP y navegador desaparecen de cada comentario escrito con esta dirección.',
  'data.delete.choose': 'Elige qué pasa con los comentarios:',
  'data.delete.policy': 'La política de este sitio decide qué pasa con los comentarios:',
  'data.delete.anonymise': 'Eliminar, y conservar mis comentarios sin mi nombre',
  'data.delete.remove': 'Eliminar, y quitar mis comentarios',
  'data.delete.placeholder':
    'Un comentario quitado que tiene respuestas queda como un marcador de «eliminado», para que las respuestas conserven su lugar.',
  'data.retention': {
    one: 'De todos modos, las direcciones IP y los navegadores se borran de cada comentario al cabo de {count} día.',
    many: 'De todos modos, las direcciones IP y los navegadores se borran de cada comentario al cabo de {count} de días.',
    other:
      'De todos modos, las direcciones IP y los navegadores se borran de cada comentario al cabo de {count} días.',
  },
  'data.session': {
    one: 'Esta página funciona durante {count} minuto.',
    many: 'Esta página funciona durante {count} de minutos.',
    other: 'Esta página funciona durante {count} minutos.',
  },
  'data.deleted.title': 'Tus datos en {site} se eliminaron',
  'data.deleted.kept': {
    one: '{count} comentario conservado sin nombre en «{site}». Allí no queda nada de tu dirección.',
    many: '{count} de comentarios conservados sin nombre en «{site}». Allí no queda nada de tu dirección.',
    other:
      '{count} comentarios conservados sin nombre en «{site}». Allí no queda nada de tu dirección.',
  },
  'data.deleted.removed': {
    one: '{count} comentario quitado de «{site}». Allí no queda nada de tu dirección.',
    many: '{count} de comentarios quitados de «{site}». Allí no queda nada de tu dirección.',
    other: '{count} comentarios quitados de «{site}». Allí no queda nada de tu dirección.',
  },
  'data.error.title': 'Este enlace no se puede usar',
  'data.error.linkInvalid':
    'Este enlace no se puede usar: caducó, ya se usó o es de otro sitio. Pide uno nuevo desde los comentarios del sitio.',
  'data.error.expired': 'Esta página caducó. Pide un enlace nuevo desde los comentarios del sitio.',
  'data.error.unknownSite': 'No hay ningún sitio en esta dirección. Revisa el enlace de tu correo.',
  'data.error.origin': 'Usa el formulario de esta página.',
  'data.error.invalid':
    'Este formulario no se envió como se esperaba. Vuelve atrás e inténtalo de nuevo.',
  'data.error.policy': 'Este sitio no ofrece esa opción. Vuelve atrás y usa uno de los botones.',
  'data.error.other':
    'Esta página no se puede mostrar. Pide un enlace nuevo desde los comentarios del sitio.',
  'data.error.busyTitle': 'Demasiados intentos',
  'data.error.rateLimited': {
    one: 'Espera {count} segundo y vuelve a intentarlo.',
    many: 'Espera {count} de segundos y vuelve a intentarlo.',
    other: 'Espera {count} segundos y vuelve a intentarlo.',
  },
  'data.error.serverTitle': 'Algo ha salido mal',
  'data.error.server': 'Algo ha salido mal por nuestra parte. Inténtalo de nuevo en unos minutos.',
};
