/**
 * Managed Object Format: a compiler for the MOF WMI's mofcomp accepts, and a writer for WMI's object text.
 *
 * <h2>Map</h2>
 * <ul>
 *   <li>{@link org.jwmi.cim.mof.MofCompiler} — compiles text into a {@link org.jwmi.cim.mof.MofUnit}: ordered
 *       {@link org.jwmi.cim.mof.MofOperation}s (put qualifier / class / instance, delete class / instance) and per
 *       namespace a {@link org.jwmi.cim.mof.MofNamespace} view. Classes are built with {@code CimClass.Builder}.</li>
 *   <li>{@link org.jwmi.cim.mof.ClassResolver} (classes and qualifier declarations outside the unit — the
 *       repository) and {@link org.jwmi.cim.mof.IncludeResolver} (the text of {@code #include}d files): the compiler
 *       does no I/O.</li>
 *   <li>{@link org.jwmi.cim.mof.MofException} (a {@code CimException}) with {@link org.jwmi.cim.mof.MofDiagnostic}s:
 *       file, line, column, {@link org.jwmi.cim.mof.MofErrorCode} (WBEMMOF_E_*) or WMI status, message.</li>
 *   <li>{@link org.jwmi.cim.mof.MofWriter} — classes, instances, qualifier declarations and whole units as MOF
 *       text that compiles back to equal objects.</li>
 *   <li>{@link org.jwmi.cim.mof.ChangeFlags} — [MS-WMI] 2.2.5 WBEM_CHANGE_FLAG_TYPE, from
 *       {@code #pragma classflags/instanceflags}.</li>
 *   <li>Internals: {@code MofLexer}, {@code MofParser} (syntax, includes), {@code MofAst}, {@code Elaborator}
 *       (names, types, qualifiers, building, aliases).</li>
 * </ul>
 *
 * <h2>Language</h2>
 * Comments {@code //} and {@code /* *&#47;}; keywords without regard to case; {@code #pragma namespace} absolute
 * ({@code "\\\\.\\root\\cimv2"}, {@code "\\root\\x"}, {@code //./root/x}; only the local server) or relative to the
 * current namespace (e.g. {@code "ms_409"}); {@code #pragma classflags("createonly"|"updateonly"|"safeupdate"|
 * "forceupdate", ...)}, {@code instanceflags("createonly"|"updateonly")}, {@code deleteclass("C", FAIL|NOFAIL)},
 * {@code deleteinstance("C.k=v", FAIL|NOFAIL)}, {@code #include ("f.mof")} / {@code #pragma include}, and
 * {@code autorecover} (recorded on the unit). {@code amendment}, {@code locale}, {@code source},
 * {@code sourcetype}, {@code nonlocal}, {@code nonlocaltype} and unknown pragmas are rejected with
 * WBEMMOF_E_INVALID_PRAGMA naming the pragma.
 * Qualifier declarations in the DMTF form ({@code qualifier Key : boolean = false, scope(property, reference),
 * flavor(DisableOverride, ToSubClass);}) and WMI's flavor-only form ({@code qualifier Description : ToSubClass
 * Amended;}, which sets the default flavor of later uses and declares nothing). Classes with qualifiers (values in
 * {@code ()} or arrays in {@code {}}, flavors after {@code :}), superclass, alias, properties of every CIM type,
 * arrays {@code []} and {@code [n]} (n becomes the {@code MAX} qualifier), {@code Class ref}/{@code object ref}
 * references, embedded objects ({@code Class name}, {@code object name}, or {@code [EmbeddedObject]} /
 * {@code [EmbeddedInstance("Class")]} on a string), defaults, methods ({@code void} or typed; parameters
 * {@code [in]}, {@code [out]}, {@code [in, out]}, optional {@code ID(n)} which then orders them, arrays, defaults;
 * the same name declared once [in] and once [out] is one in/out parameter). Instances ({@code instance of C
 * [as $a] {...};}) with instance and property qualifiers, embedded instances as values, aliases as reference values.
 * Literals: decimal, hexadecimal ({@code 0x}), octal (leading 0), binary (trailing b) integers; reals; strings with
 * escapes ({@code \b \t \n \f \r \" \' \\ \xHHHH \XHHHH}) and adjacent strings concatenated; {@code 'c'};
 * TRUE/FALSE/NULL; {@code {...}}; {@code $alias}.
 *
 * <h2>Semantics and decisions</h2>
 * <ul>
 *   <li>Statements apply in text order: a class's superclass, an instance's class and an embedded instance's class
 *       must be defined earlier in the unit (same namespace) or be known to the {@link org.jwmi.cim.mof.ClassResolver}.
 *       A class defined again replaces the earlier definition from there on.</li>
 *   <li>Instances are built after the last statement, so an alias may be used before or after its definition.
 *       An instance alias stands for the instance's relative path (namespace-qualified when the use is in another
 *       namespace); a class alias for the class path. Only key values of an aliased instance are evaluated for its
 *       path, so only cycles through key references are errors. Class property defaults may use only aliases
 *       defined earlier. Aliases are unit-wide (an included file shares them).</li>
 *   <li>Typing is strict: integers to integer, real and char16 types (range checked), reals to reals, strings to
 *       string, datetime (validated) and reference (must parse as an object path), characters to char16, TRUE/FALSE
 *       to boolean, {@code {...}} only to arrays (no NULL elements), aliases only to references, embedded instances
 *       only to objects (of the declared class or a subclass). A declared qualifier takes a one-element array when
 *       given a scalar for an array type.</li>
 *   <li>Keys, as mofcomp: a class whose ancestors have no key may declare keys, also on inherited properties
 *       ({@code [key] string Name;} in CIM_System); below a class with keys the key set cannot change
 *       (WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE). A redeclared reference or embedded object may narrow its class; its
 *       CIMTYPE follows (computed by {@code CimClass.Builder}).</li>
 *   <li>Qualifiers: see {@link org.jwmi.cim.mof.MofCompiler}; CIMTYPE may not be written (WBEMMOF_E_CIMTYPE_QUALIFIER).
 *       A use's flavors modify the declared (or default) flavor word by word; contradicting words are errors.
 *       Scopes are checked when a declaration exists; instance qualifiers accept class or instance scope.</li>
 *   <li>Errors: the first syntax error stops the compilation; semantic errors are collected per statement
 *       (a failed class is not defined, which later statements report with a note). Instances of abstract classes
 *       and instances with a NULL key are rejected.</li>
 * </ul>
 */
package org.jwmi.cim.mof;
