import type {ClusterSnapshot, Finding} from './types.js';

/** The error a /controller that no parse understands leaves (see read-kafka-znodes.ts). */
export const controllerSource = 'zookeeper:/controller';

/**
/controller as Kafka's brokers would read it. Holding something that is not a controller
registration, brokers cannot parse it either, and while the znode exists none can be elected: as
bad as no controller, so critical. Naming a broker that is not registered (ids in /brokers/ids are
ephemeral, like /controller, so a live controller is always registered) means the znode was
written by hand or outlived its broker: no live broker acts as controller, also critical.
The brokers' metadata may still name an old controller from memory, which is why NO_CONTROLLER alone misses both.
*/
export function controllerFindings(snapshot: ClusterSnapshot): Finding[] {
	const at = snapshot.takenAt;
	const unreadable = snapshot.errors.filter(error => error.source === controllerSource);
	if (unreadable.length > 0) {
		return [{
			severity: 'critical', code: 'CONTROLLER_UNREADABLE', subject: 'cluster', since: at,
			message: `${unreadable.map(error => error.message).join('; ')}: brokers cannot read it either, so no controller can be elected while it stays`,
		}];
	}

	const controller = snapshot.controller;
	// Registrations must have been read to say one is missing.
	const registrationsRead = snapshot.brokers.some(broker => broker.registered);
	if (!controller || !registrationsRead) return [];
	if (snapshot.brokers.some(broker => broker.id === controller.brokerId && broker.registered)) return [];
	return [{
		severity: 'critical', code: 'CONTROLLER_UNKNOWN', subject: `broker ${controller.brokerId}`, since: at,
		message: `the controller named (/controller, else the brokers' metadata) is broker ${controller.brokerId}, which is not registered in /brokers/ids: no live broker is acting as controller`,
	}];
}
