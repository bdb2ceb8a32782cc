package org.jwmi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.wire.Hex;
import org.jwmi.wmio.Wmio;

/**
 * Win32_Process as Windows Server 2019 defines it (45 properties, 7 methods), decoded from a capture of the class
 * (resource {@code vectors/windows/Win32_Process-class.hex}, from go-msrpc's example data), and instances of it
 * with the values a busy server's processes have: every property set except the ones Windows leaves NULL
 * (InstallDate, Status, ExecutionState, TerminationDate), and the path and command line of the kernel and of
 * protected processes.
 */
final class Win32Process {
    static final String SERVER = "WIN2019-X-XX";
    static final String NAMESPACE = "ROOT\\cimv2";

    /** Image name, command line, weight: svchost dominates a Windows server's process list. */
    private static final String[][] PROCESSES = {
            {"svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", "30"},
            {"svchost.exe", "C:\\Windows\\System32\\svchost.exe -k LocalServiceNetworkRestricted -p -s EventLog", "15"},
            {"svchost.exe", "C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p", "10"},
            {"WmiPrvSE.exe", "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding", "6"},
            {"conhost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0x4", "6"},
            {"w3wp.exe", "c:\\windows\\system32\\inetsrv\\w3wp.exe -ap \"DefaultAppPool\" -v \"v4.0\" -l "
                    + "\"webengine4.dll\" -a \\\\.\\pipe\\iisipm3c1b7c2e -h "
                    + "\"C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config\" -w \"\" -m 0", "5"},
            {"sqlservr.exe", "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe\""
                    + " -sMSSQLSERVER", "2"},
            {"powershell.exe", "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile "
                    + "-ExecutionPolicy Bypass -File C:\\scripts\\collect.ps1", "5"},
            {"explorer.exe", "C:\\Windows\\Explorer.EXE", "3"},
            {"RuntimeBroker.exe", "C:\\Windows\\System32\\RuntimeBroker.exe -Embedding", "4"},
            {"dwm.exe", "\"dwm.exe\"", "2"},
            {"lsass.exe", "C:\\Windows\\system32\\lsass.exe", "1"},
            {"services.exe", "C:\\Windows\\system32\\services.exe", "1"},
            {"spoolsv.exe", "C:\\Windows\\System32\\spoolsv.exe", "1"},
            {"csrss.exe", null, "3"},
            {"System", null, "1"},
            {"System Idle Process", null, "1"},
    };
    private static final int TOTAL_WEIGHT;

    static {
        int w = 0;
        for (String[] p : PROCESSES) {
            w += Integer.parseInt(p[2]);
        }
        TOTAL_WEIGHT = w;
    }

    private Win32Process() {
    }

    /** The captured class (with its origin, WIN2019-X-XX ROOT\cimv2). */
    static CimClass cimClass() {
        try (InputStream in = Win32Process.class.getResourceAsStream("/vectors/windows/Win32_Process-class.hex")) {
            if (in == null) {
                throw new IllegalStateException("resource vectors/windows/Win32_Process-class.hex is missing");
            }
            return (CimClass) Wmio.decode(Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Process number {@code i} (ProcessId and Handle 4 * (i + 2), unique), other values drawn from {@code rnd}. */
    static CimInstance instance(CimClass c, Random rnd, int i) {
        String[] p = pick(rnd);
        String name = p[0];
        String commandLine = p[1];
        boolean kernel = name.startsWith("System");
        // Windows reports no path or command line for the kernel and for protected processes such as csrss.
        String path = commandLine == null ? null
                : name.equals("conhost.exe") ? "C:\\Windows\\system32\\conhost.exe"
                : commandLine.startsWith("\"") ? commandLine.substring(1, commandLine.indexOf('"', 1))
                : commandLine.split(" ", 2)[0];
        long pid = 4L * (i + 2);
        long workingSet = (long) Math.exp(13.8 + rnd.nextDouble() * 7.2); // ~1 MB .. ~1.3 GB, log-uniform
        long virtual = 2_199_023_255_552L + workingSet * (4 + rnd.nextInt(60));
        long kernelTime = (long) rnd.nextInt(50_000_000) * 10;
        long reads = rnd.nextInt(2_000_000);
        CimInstance.Builder b = c.newInstance()
                .set("Caption", name)
                .set("Description", name)
                .setNull("InstallDate")
                .set("Name", name)
                .setNull("Status")
                .set("CSCreationClassName", "Win32_ComputerSystem")
                .set("CSName", SERVER)
                .set("CreationClassName", "Win32_Process")
                .set("CreationDate", String.format("202611%02d%02d%02d%02d.%06d+000", 1 + rnd.nextInt(24),
                        rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60), rnd.nextInt(1_000_000)))
                .set("Handle", Long.toString(pid))
                .set("KernelModeTime", kernelTime)
                .set("OSCreationClassName", "Win32_OperatingSystem")
                .set("OSName", "Microsoft Windows Server 2019 Standard|C:\\Windows|\\Device\\Harddisk0\\Partition2")
                .set("Priority", kernel ? 0L : rnd.nextInt(10) < 8 ? 8L : rnd.nextBoolean() ? 13L : 4L)
                .setNull("ExecutionState")
                .setNull("TerminationDate")
                .set("UserModeTime", kernelTime * (1 + rnd.nextInt(8)))
                .set("WorkingSetSize", workingSet)
                .set("MaximumWorkingSetSize", 1380L)
                .set("MinimumWorkingSetSize", 200L)
                .set("PageFaults", (long) rnd.nextInt(5_000_000))
                .set("PageFileUsage", workingSet / 1536)
                .set("PeakPageFileUsage", workingSet / 1024)
                .set("PeakWorkingSetSize", workingSet / 768)
                .set("ProcessId", pid)
                .set("QuotaNonPagedPoolUsage", 8L + rnd.nextInt(200))
                .set("QuotaPagedPoolUsage", 64L + rnd.nextInt(2000))
                .set("QuotaPeakNonPagedPoolUsage", 16L + rnd.nextInt(400))
                .set("QuotaPeakPagedPoolUsage", 128L + rnd.nextInt(4000))
                .set("ThreadCount", (long) (1 + (int) Math.exp(rnd.nextDouble() * 4.6)))
                .set("HandleCount", 50L + rnd.nextInt(3000))
                .set("ParentProcessId", kernel ? 0L : 4L * (2 + rnd.nextInt(i + 1)))
                .set("SessionId", name.equals("explorer.exe") || name.equals("dwm.exe") ? 1L : 0L)
                .set("PrivatePageCount", workingSet + rnd.nextInt(1 << 24))
                .set("PeakVirtualSize", virtual + rnd.nextInt(1 << 26))
                .set("VirtualSize", virtual)
                .set("ReadOperationCount", reads)
                .set("WriteOperationCount", reads / 3)
                .set("OtherOperationCount", reads * 2)
                .set("ReadTransferCount", reads * 4096)
                .set("WriteTransferCount", reads * 1024)
                .set("OtherTransferCount", reads * 64)
                .set("WindowsVersion", "10.0.17763")
                .origin(SERVER, NAMESPACE);
        if (path == null) {
            b.setNull("ExecutablePath").setNull("CommandLine");
        } else {
            b.set("ExecutablePath", path).set("CommandLine", commandLine);
        }
        return b.build();
    }

    private static String[] pick(Random rnd) {
        int r = rnd.nextInt(TOTAL_WEIGHT);
        for (String[] p : PROCESSES) {
            r -= Integer.parseInt(p[2]);
            if (r < 0) {
                return p;
            }
        }
        throw new AssertionError();
    }
}
