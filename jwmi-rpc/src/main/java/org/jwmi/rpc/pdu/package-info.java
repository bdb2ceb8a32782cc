/**
 * Connection-oriented RPC PDUs ([C706] 12.6, [MS-RPCE] 2.2.2) as records with bounds-checked codecs, plus the
 * pure machinery both runtimes share: reading one fragment off a stream ({@link org.jwmi.rpc.pdu.FrameReader}),
 * splitting a stub into protected fragments ({@link org.jwmi.rpc.pdu.Fragmenter}), applying and checking the
 * per-PDU protection of [MS-RPCE] 3.3.1.5.2.2 ({@link org.jwmi.rpc.pdu.PduSecurity}) and reassembling stubs
 * ({@link org.jwmi.rpc.pdu.Reassembler}).
 *
 * <p>Map: {@link org.jwmi.rpc.pdu.CommonHeader}, {@link org.jwmi.rpc.pdu.PType}, {@link org.jwmi.rpc.pdu.PfcFlags},
 * {@link org.jwmi.rpc.pdu.PackedDrep}; {@link org.jwmi.rpc.pdu.Pdu} and its twelve records; the sub-structures
 * {@link org.jwmi.rpc.pdu.PContElem}, {@link org.jwmi.rpc.pdu.PResult}, {@link org.jwmi.rpc.pdu.SecTrailer},
 * {@link org.jwmi.rpc.pdu.AuthVerifier}; the code tables {@link org.jwmi.rpc.pdu.RejectReason} and
 * {@link org.jwmi.rpc.pdu.BindTimeFeatures}.
 */
package org.jwmi.rpc.pdu;
