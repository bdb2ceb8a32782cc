package org.jwmi.rpc.mgmt;

import java.util.UUID;
import org.jwmi.rpc.SyntaxId;

/**
 * [C706] Appendix Q / [MS-RPCE] 2.2.1.3 remote management interface {@code mgmt}: identity, operation numbers
 * and constants.
 */
public final class Mgmt {

    /** Interface afa8bd80-7d8a-11c9-bef4-08002b102989 version 1.0. */
    public static final SyntaxId SYNTAX = new SyntaxId(UUID.fromString("afa8bd80-7d8a-11c9-bef4-08002b102989"), 1, 0);

    public static final int OP_RPC_MGMT_INQ_IF_IDS = 0;
    public static final int OP_RPC_MGMT_INQ_STATS = 1;
    public static final int OP_RPC_MGMT_IS_SERVER_LISTENING = 2;
    public static final int OP_RPC_MGMT_STOP_SERVER_LISTENING = 3;
    public static final int OP_RPC_MGMT_INQ_PRINC_NAME = 4;
    /** The number of operations; opnums at or above it are out of range. */
    public static final int OPERATION_COUNT = 5;

    /** Index of the statistics vector: calls received. */
    public static final int RPC_C_STATS_CALLS_IN = 0;
    /** Index of the statistics vector: calls (responses) sent. */
    public static final int RPC_C_STATS_CALLS_OUT = 1;
    /** Index of the statistics vector: packets received. */
    public static final int RPC_C_STATS_PKTS_IN = 2;
    /** Index of the statistics vector: packets sent. */
    public static final int RPC_C_STATS_PKTS_OUT = 3;
    /** The number of statistics a server keeps. */
    public static final int RPC_C_STATS_ARRAY_MAX_SIZE = 4;

    /** [MS-RPCE] 2.2.1.3.2 StatisticsCount: [range(0,50)]. */
    public static final int MAX_STATISTICS_COUNT = 50;
    /** [MS-RPCE] 2.2.1.3.4: princ_name_size is [range(0,4096)]. */
    public static final int MAX_PRINC_NAME_SIZE = 4096;

    /** status: ERROR_ACCESS_DENIED, the answer to a remote rpc_mgmt_stop_server_listening. */
    public static final int ERROR_ACCESS_DENIED = 0x5;
    /** status: ERROR_INSUFFICIENT_BUFFER, the principal name does not fit princ_name_size. */
    public static final int ERROR_INSUFFICIENT_BUFFER = 0x7A;
    /** status: RPC_S_UNKNOWN_AUTHN_SERVICE, no principal name for that authentication service. */
    public static final int RPC_S_UNKNOWN_AUTHN_SERVICE = 0x6D3;

    private Mgmt() {
    }
}
