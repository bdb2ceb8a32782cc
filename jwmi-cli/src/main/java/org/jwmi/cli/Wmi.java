package org.jwmi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.server.DcomServer;
import org.jwmi.rpc.server.RpcServer;
import org.jwmi.server.provider.ProviderRegistry;
import org.jwmi.server.provider.linux.LinuxHost;
import org.jwmi.server.provider.linux.LinuxProviders;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.server.security.CallerToken;
import org.jwmi.server.security.Impersonation;
import org.jwmi.server.service.Cimom;
import org.jwmi.server.service.NamespaceGuard;
import org.jwmi.server.service.WmiService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WMI half of {@link JwmiServer}: the CIM repository in the data directory, the Linux providers, the object
 * manager, the DCOM server (resolver on the endpoint-mapper port, object exporter on a dynamic port of the same
 * address) and the WMI service registered in its class registry.
 */
final class Wmi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wmi.class);

    final CimRepository repository;
    final DcomServer dcom;
    final WmiService service;
    private final Path temporary;

    private Wmi(CimRepository repository, DcomServer dcom, WmiService service, Path temporary) {
        this.repository = repository;
        this.dcom = dcom;
        this.service = service;
        this.temporary = temporary;
    }

    static Wmi start(JwmiServer.Config config, RpcServer resolver, ServerOptions options, String netbios)
            throws IOException {
        Path temporary = config.dataDir() == null ? Files.createTempDirectory("jwmi-repository-") : null;
        Path dir = config.dataDir() != null ? config.dataDir() : temporary;
        CimRepository repository = CimRepository.open(dir.resolve(JwmiServer.REPOSITORY_FILE), netbios);
        DcomServer dcom = null;
        WmiService service = null;
        try {
            LinuxHost host = LinuxHost.system();
            ProviderRegistry providers = LinuxProviders.registerAll(new ProviderRegistry(), host);
            LinuxProviders.methodProviders(host).forEach(providers::register);
            Cimom cimom = new Cimom(repository, providers, netbios, Clock.systemUTC());
            service = WmiService.builder().cimom(cimom).guard(interimGuard()).tokens(call -> token(
                    call.peer().orElse(new PeerIdentity("", "", "", true)))).build();
            boolean hardened = config.minAuthLevel().atLeast(AuthLevel.PKT_INTEGRITY);
            dcom = DcomServer.builder()
                    .resolver(resolver)
                    .security(new NtlmSecurityProvider(), options)
                    .principalName(NtlmSecurityProvider.RPC_C_AUTHN_WINNT, netbios)
                    .hostName(config.computerName())
                    .exporterAuthLevel(config.minAuthLevel())
                    .activationHardening(hardened)
                    .build();
            service.register(dcom.classes());
            dcom.start();
            LOG.info("WMI service: repository {}, namespaces {}", dir.resolve(JwmiServer.REPOSITORY_FILE),
                    repository.namespaces());
            return new Wmi(repository, dcom, service, temporary);
        } catch (IOException | RuntimeException e) {
            if (dcom != null) {
                dcom.close();
            }
            if (service != null) {
                service.close();
            }
            repository.close();
            throw e;
        }
    }

    // Interim until namespace security lands: every authenticated account is an administrator.
    private static CallerToken token(PeerIdentity peer) {
        return new CallerToken(peer, "S-1-5-21-0-0-0-500", peer.anonymous() ? Set.of(CallerToken.EVERYONE)
                : Set.of(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS, CallerToken.ADMINISTRATORS),
                peer.anonymous() ? Impersonation.ANONYMOUS : Impersonation.IMPERSONATE);
    }

    private static NamespaceGuard interimGuard() {
        return new NamespaceGuard() {
            @Override
            public void check(CallerToken caller, String namespace, int desiredRights) {
                if (!caller.isAdministrator()) {
                    throw new CimException(WbemStatus.WBEM_E_ACCESS_DENIED, caller.identity() + " may not use "
                            + namespace + " remotely");
                }
            }

            @Override
            public boolean requiresEncryption(String namespace) {
                return false;
            }
        };
    }

    @Override
    public void close() {
        dcom.close();
        service.close();
        repository.close();
        if (temporary != null) {
            try (var files = Files.walk(temporary)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("cannot delete {}", temporary, e);
            }
        }
    }
}
