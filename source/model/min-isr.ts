/**
Where a partition stands against min.insync.replicas, by the rules of Kafka's own
`kafka-topics --describe` (TopicCommand.PartitionDescription, Kafka 3.9): `--under-min-isr-partitions`
lists a partition without a leader or with fewer in-sync replicas than the minimum;
`--at-min-isr-partitions` lists every partition whose ISR is exactly the minimum, including those
whose replication factor is the minimum itself. Both are undefined when the minimum is not known.
*/
export function minIsrStanding(minIsr: number | undefined, partition: {leader: number; isr: readonly number[]}): {underMinIsr: boolean | undefined; atMinIsr: boolean | undefined} {
	if (minIsr === undefined) return {underMinIsr: undefined, atMinIsr: undefined};
	return {underMinIsr: partition.leader < 0 || partition.isr.length < minIsr, atMinIsr: partition.isr.length === minIsr};
}
