/**
 * Provider SPI: where instance data and method behaviour come from. Providers see CIM model types only
 * ({@code org.jwmi.cim}), never protocol types.
 * <ul>
 *   <li>{@link org.jwmi.server.provider.InstanceProvider} — enumerate (lazy stream) and get-by-key for one class.</li>
 *   <li>{@link org.jwmi.server.provider.MethodProvider} — executes methods of one class.</li>
 *   <li>{@link org.jwmi.server.provider.ProviderContext} — caller identity, clock and namespace of one call.</li>
 *   <li>{@link org.jwmi.server.provider.ProviderRegistry} — providers by class name.</li>
 *   <li>{@code linux} — providers reading {@code /proc}, {@code /sys} and {@code /etc}.</li>
 * </ul>
 */
package org.jwmi.server.provider;
