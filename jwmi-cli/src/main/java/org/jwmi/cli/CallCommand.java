package org.jwmi.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimType;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwmi call PATH METHOD name=value...}: IWbemServices::ExecMethod, the out-parameters printed. */
@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2,
            ExitCodes.L3, ExitCodes.L4, ExitCodes.L5}, name = "call", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Call a method of a class or instance (IWbemServices::ExecMethod) and print its "
                + "out-parameters (ReturnValue included).",
        footer = {"", "Arguments are NAME=VALUE, converted to the parameter's CIM type; arrays are comma-separated.",
            "", "Examples:",
            "  jwmi call --host srv -u alice Win32_Process Create CommandLine=notepad.exe",
            "  jwmi call --host srv -u alice 'Win32_Service.Name=\"Spooler\"' StopService"})
final class CallCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "Object path of the class (static methods) or "
            + "instance.")
    String path;

    @Parameters(index = "1", paramLabel = "METHOD", description = "Method name.")
    String method;

    @Parameters(index = "2..*", paramLabel = "NAME=VALUE", description = "In-parameters.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv.")
    ObjectPrinter.Format format;

    @Override
    int run(WbemServices services) {
        String className = CimObjectPath.parse(path).className().text();
        WbemClassObject cls = services.getObject(className);
        cls.method(method);
        WbemClassObject in = cls.methodInParameters(method);
        for (String a : arguments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("argument '" + a + "' is not NAME=VALUE");
            }
            String name = a.substring(0, eq);
            if (in == null || !in.hasProperty(name) || name.startsWith("__")) {
                throw new IllegalArgumentException(method + " has no in-parameter " + name
                        + (in == null ? " (it takes none)" : "; it takes " + in.propertyNames()));
            }
            CimProperty p = in.properties().stream().filter(x -> x.name().is(name)).findFirst().orElseThrow();
            in.put(name, parse(p.type(), a.substring(eq + 1), name));
        }
        WbemClassObject out = services.execMethod(path, method, in);
        if (out != null) {
            ObjectPrinter.single(out.cimObject(), format, jwmi.out, width(null));
        }
        return ExitCodes.OK;
    }

    /** A command-line text as a Java value of {@code type} (arrays comma-separated). */
    static Object parse(CimType type, String text, String name) {
        if (type.isArray()) {
            List<Object> l = new ArrayList<>();
            if (!text.isEmpty()) {
                for (String part : text.split(",", -1)) {
                    l.add(parse(type.baseType(), part.trim(), name));
                }
            }
            return l;
        }
        try {
            return switch (type) {
                case SINT8, SINT16, SINT32, SINT64, UINT8, UINT16, UINT32 -> Long.parseLong(text);
                case UINT64 -> new BigInteger(text);
                case REAL32 -> Float.parseFloat(text);
                case REAL64 -> Double.parseDouble(text);
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes" -> Boolean.TRUE;
                    case "false", "0", "no" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("not a boolean");
                };
                case CHAR16 -> {
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("not one character");
                    }
                    yield text.charAt(0);
                }
                case DATETIME -> CimDateTime.parse(text);
                case OBJECT -> throw new IllegalArgumentException("embedded objects cannot be given on the command"
                        + " line");
                default -> text;
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("parameter " + name + " is " + type.mofName() + ": '" + text
                    + "' does not convert (" + e.getMessage() + ")");
        }
    }
}
