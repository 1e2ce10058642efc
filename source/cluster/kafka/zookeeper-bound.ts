/**
Requests that make a ZooKeeper-mode broker read or write ZooKeeper inside its request-handler
thread (kafka.server.KafkaApis / ZkAdminManager / ZkConfigRepository, Kafka 2.x-3.9). While
ZooKeeper has no quorum that thread waits in KafkaZkClient.retryRequestsUntilConnected until it
returns; enough of them and the broker stops answering every client. So ktop does not send them
while its own view of ZooKeeper is in trouble.

- CreateTopics, CreatePartitions, IncrementalAlterConfigs, AlterConfigs: the dry runs too
  (validate_only reads the existing topics and their assignment from ZooKeeper).
- DeleteTopics: writes /admin/delete_topics.
- ElectLeaders: the controller writes the new leaders to ZooKeeper; nothing can apply.
- DescribeConfigs for a TOPIC resource reads /config/topics/<topic> (a BROKER resource is served
  from the broker's memory): handled where the resource type is known (describeTopicConfigs).
- FindCoordinator creates __consumer_offsets when it does not exist yet (a ZooKeeper write):
  handled by the writer, which knows from its metadata whether the topic exists.
Metadata (without auto-creation), ListOffsets, Fetch, Produce, ListGroups, DescribeGroups,
OffsetFetch/OffsetCommit (v1+), DeleteRecords and DeleteGroups are served without ZooKeeper.
*/
export const zookeeperBoundApiKeys: ReadonlyMap<number, string> = new Map([
	[19, 'CreateTopics'],
	[20, 'DeleteTopics'],
	[33, 'AlterConfigs'],
	[37, 'CreatePartitions'],
	[43, 'ElectLeaders'],
	[44, 'IncrementalAlterConfigs'],
	[45, 'AlterPartitionReassignments'],
]);

/** Why ktop holds a request back; undefined when ZooKeeper looks able to serve the brokers. */
export type ZookeeperTrouble = () => string | undefined;

/** A request not sent because a broker would wait on ZooKeeper for it. Nothing reached the broker. */
export class HeldForZookeeper extends Error {
	override name = 'HeldForZookeeper';

	constructor(readonly request: string, readonly reason: string) {
		super(reason);
	}
}
