/**
 * The DCOM server runtime ([MS-DCOM] 3.1).
 * <ul>
 * <li>{@link org.jwmi.dcom.server.DcomServer}: wires the object resolver's interfaces (IRemoteSCMActivator,
 * IActivation, IObjectExporter) onto the endpoint-mapper RPC server and runs the object exporter's RPC server;
 * a background collector expires silent ping sets.</li>
 * <li>{@link org.jwmi.dcom.server.ClassRegistry}, {@link org.jwmi.dcom.server.ComClassFactory},
 * {@link org.jwmi.dcom.server.ActivationContext}: what can be activated.</li>
 * <li>{@link org.jwmi.dcom.server.ComObject}, {@link org.jwmi.dcom.server.OrpcDispatcher},
 * {@link org.jwmi.dcom.server.OrpcCall}, {@link org.jwmi.dcom.server.OrpcReply},
 * {@link org.jwmi.dcom.server.ComException}: objects and their interfaces.</li>
 * <li>{@link org.jwmi.dcom.server.ObjectExporter}: OXID, OID/IPID/SETID tables, marshaling, reference counts,
 * pinging and garbage collection, ORPC dispatch by IPID; the Remote Unknown (IRemUnknown/IRemUnknown2).</li>
 * </ul>
 */
package org.jwmi.dcom.server;
