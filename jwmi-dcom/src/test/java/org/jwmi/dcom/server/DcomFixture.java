package org.jwmi.dcom.server;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.RemoteCreateInstanceRequest;
import org.jwmi.dcom.ops.ScmActivationResponse;
import org.jwmi.dcom.wire.ActivationProperties;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.CustomRemoteRequestScmInfo;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.InstantiationInfoData;
import org.jwmi.dcom.wire.LocationInfoData;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.ScmRequestInfoData;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.server.RpcServer;

/**
 * A loopback resolver RpcServer (minimum level NONE, NTLM with one account) with a {@link DcomServer} on it and the
 * {@link EchoClass} registered; plus client calls in raw RPC.
 */
final class DcomFixture implements AutoCloseable {

    static final String DOMAIN = "JWMI";
    static final String USER = "dcomuser";
    static final String PASSWORD = "Dc0m-Passw0rd!";
    static final String HOST = "JWMI-TEST";
    static final AccountStore ACCOUNTS = (domain, user) -> user.toLowerCase(Locale.ROOT).equals(USER)
            ? Optional.of(new AccountStore.Account(DOMAIN, USER, NtlmHashes.ntOwfV1(PASSWORD.toCharArray())))
            : Optional.empty();

    final RpcServer resolver;
    final DcomServer dcom;
    final EchoClass echo = new EchoClass();
    final InetAddress address;

    DcomFixture(Consumer<DcomServer.Builder> tune) throws IOException {
        this(InetAddress.getLoopbackAddress(), 0, tune);
    }

    DcomFixture(InetAddress address, int resolverPort, Consumer<DcomServer.Builder> tune) throws IOException {
        this.address = address;
        ServerOptions options = serverOptions();
        resolver = RpcServer.builder().bindAddress(address).port(resolverPort)
                .security(new NtlmSecurityProvider(), options).minAuthLevel(AuthLevel.NONE)
                .readTimeout(Duration.ofSeconds(5)).threadNamePrefix("jwmi-dcom-test-resolver").build();
        DcomServer.Builder b = DcomServer.builder().resolver(resolver).security(new NtlmSecurityProvider(), options)
                .hostName(HOST).random(new Random(7));
        tune.accept(b);
        dcom = b.build();
        dcom.classes().register(EchoClass.CLSID, echo);
        resolver.start();
        dcom.start();
    }

    static ServerOptions serverOptions() {
        return new ServerOptions(ACCOUNTS, DOMAIN, HOST, "jwmi.test", "jwmi-test.jwmi.test", false,
                Clock.systemUTC(), new java.security.SecureRandom());
    }

    static Credentials credentials() {
        return Credentials.ofPassword(DOMAIN, USER, PASSWORD.toCharArray());
    }

    static SecuritySpec ntlm(AuthLevel level) {
        return SecuritySpec.of(new NtlmSecurityProvider(), credentials(), level);
    }

    String host() {
        return address.getHostAddress();
    }

    RpcConnection connectResolver() throws IOException {
        return RpcConnection.connect(host(), resolver.port(), ClientConfig.defaults());
    }

    RpcConnection connectExporter() throws IOException {
        return RpcConnection.connect(host(), dcom.exporterPort(), ClientConfig.defaults());
    }

    /** A binding to {@code iface} on the resolver at {@code level} (NONE: no security). */
    RpcBinding resolverBinding(SyntaxId iface, AuthLevel level) throws IOException {
        return connectResolver().bind(iface, level == AuthLevel.NONE ? SecuritySpec.none() : ntlm(level));
    }

    static OrpcThis orpcThis(ComVersion version, int flags) {
        return new OrpcThis(version, flags, 0, UUID.randomUUID(), null);
    }

    /** The activation properties a Windows-like client sends for {@code clsid} and {@code iids}. */
    static ActivationProperties activationIn(UUID clsid, List<UUID> iids, ComVersion version) {
        return ActivationProperties.of(InstantiationInfoData.of(clsid, iids, version), LocationInfoData.EMPTY,
                ScmRequestInfoData.of(CustomRemoteRequestScmInfo.of(List.of(DcomConstants.NCACN_IP_TCP))));
    }

    static byte[] createInstanceStub(UUID clsid, List<UUID> iids) {
        return new RemoteCreateInstanceRequest(orpcThis(ComVersion.V5_7, 1), null,
                MInterfacePointer.of(activationIn(clsid, iids, ComVersion.V5_7).toObjRefIn())).encode();
    }

    /** Calls RemoteCreateInstance on {@code scm}. */
    static ScmActivationResponse createInstance(RpcBinding scm, UUID clsid, List<UUID> iids) {
        return ScmActivationResponse.decode(scm.call(DcomInterfaces.OP_REMOTE_CREATE_INSTANCE,
                createInstanceStub(clsid, iids)));
    }

    /** The ActivationPropertiesOut of a successful reply. */
    static ActivationProperties propertiesOut(ScmActivationResponse r) {
        ObjRefCustom c = (ObjRefCustom) r.ppActProperties().objRef(CustomUnmarshalerRegistry.withDcomDefaults());
        return c.objectData(ActivationProperties.class).orElseThrow();
    }

    @Override
    public void close() {
        dcom.close();
        resolver.close();
    }
}
