/**
 * The CIM object model as WMI uses it: no bytes, no I/O.
 *
 * <h2>Map</h2>
 * <ul>
 *   <li>{@link org.jwmi.cim.CimName} — case-insensitive name (original spelling kept); the only key type for
 *       maps of names.</li>
 *   <li>{@link org.jwmi.cim.CimType} ([MS-WMIO] 2.2.82), {@link org.jwmi.cim.CimValue} (typed value or NULL),
 *       {@link org.jwmi.cim.CimDateTime} (timestamp and interval forms).</li>
 *   <li>{@link org.jwmi.cim.CimQualifier}, {@link org.jwmi.cim.QualifierFlavor} (MS-WMIO 2.2.62),
 *       {@link org.jwmi.cim.CimQualifierSet}, {@link org.jwmi.cim.CimQualifierType} (qualifier declarations).</li>
 *   <li>{@link org.jwmi.cim.CimClass} (with {@link org.jwmi.cim.CimProperty}, {@link org.jwmi.cim.CimMethod},
 *       {@link org.jwmi.cim.CimParameter}), {@link org.jwmi.cim.CimInstance}; both are
 *       {@link org.jwmi.cim.CimObject}s with the {@link org.jwmi.cim.SystemProperty system properties}.</li>
 *   <li>{@link org.jwmi.cim.CimObjectPath} — object paths, parse and format.</li>
 *   <li>{@link org.jwmi.cim.WbemStatus} and {@link org.jwmi.cim.CimException} — errors as WMI reports them.</li>
 *   <li>{@code org.jwmi.cim.wql} — the WMI Query Language: parser, AST, evaluator.</li>
 * </ul>
 *
 * <h2>Who may mutate what</h2>
 * Nothing in this package is mutable once built. Names, values, qualifiers, properties, methods, classes,
 * instances and paths are immutable and safe to share between threads and to cache; a "change" makes a new
 * object ({@code CimInstance.with(...)}, {@code toBuilder()}, {@code withOrigin(...)}). The only mutable types are
 * the builders ({@code CimClass.Builder}, {@code CimInstance.Builder}), which belong to the one thread that fills
 * them and are not used after {@code build()}. Map keys are always {@code CimName} or {@code CimObjectPath}
 * (whose equality is WMI's case-insensitive comparison), never a class or instance.
 *
 * <h2>Classes are complete</h2>
 * A {@code CimClass} holds its full definition, inherited members included, each member with its class of
 * origin, as WMI's class objects (and MS-WMIO ClassPart) do. Instances hold, per property, either an explicit
 * value (possibly NULL) or nothing, meaning the class default (the MS-WMIO NdTable bits).
 */
package org.jwmi.cim;
