/**
 * The WMI client library: the COM-style API ({@code WbemLocator}, {@code WbemServices}, {@code WbemEnumerator},
 * {@code WbemCallResult}, {@code WbemClassObject}, {@code WbemContext}) with per-proxy security blankets, and the
 * scripting API ({@code SWbemLocator}, monikers) on top of it. Built on jwmi-wmi's request and response records
 * and jwmi-dcom's client runtime.
 */
package org.jwmi.client;
