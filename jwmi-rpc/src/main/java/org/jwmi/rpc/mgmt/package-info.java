/**
 * The remote management interface {@code mgmt} afa8bd80-7d8a-11c9-bef4-08002b102989 v1.0 ([C706] Appendix Q as
 * amended by [MS-RPCE] 2.2.1.3): request and response records per operation, {@link org.jwmi.rpc.mgmt.MgmtService}
 * (answers from the {@link org.jwmi.rpc.server.ServerView} of the executing server) and
 * {@link org.jwmi.rpc.mgmt.MgmtClient}.
 */
package org.jwmi.rpc.mgmt;
