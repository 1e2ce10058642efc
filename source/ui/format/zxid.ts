/**
ZooKeeper transaction ids as the model gives them ("0x50000012c": epoch in the upper 32 bits,
counter in the lower). Their text sorts wrongly ("0x9..." after "0x10..."), so panes sort by
the id zero-padded to its full 64 bits.
*/
export function zxidSortKey(zxid: string): string {
	return zxid.replace(/^0x/i, '').toLowerCase().padStart(16, '0');
}
