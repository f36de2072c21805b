package org.viflab.scenario;

import java.util.Map;
import org.viflab.coordinator.Request;

/** The step key of each coordinator request, as scenario-format.md spells it. */
final class RequestKeys {

    private RequestKeys() {
    }

    private static final Map<Class<? extends Request>, String> KEYS = Map.ofEntries(
            Map.entry(Request.CreatePartition.class, "createPartition"),
            Map.entry(Request.DeletePartition.class, "deletePartition"),
            Map.entry(Request.CreateSubnet.class, "createSubnet"),
            Map.entry(Request.DeleteSubnet.class, "deleteSubnet"),
            Map.entry(Request.SetRoute.class, "setRoute"),
            Map.entry(Request.CreateSecurityGroup.class, "createSecurityGroup"),
            Map.entry(Request.DeleteSecurityGroup.class, "deleteSecurityGroup"),
            Map.entry(Request.Authorize.class, "authorize"),
            Map.entry(Request.Revoke.class, "revoke"),
            Map.entry(Request.AddPlatform.class, "addPlatform"),
            Map.entry(Request.SetNic.class, "setNic"),
            Map.entry(Request.Launch.class, "launch"),
            Map.entry(Request.Place.class, "place"),
            Map.entry(Request.Start.class, "start"),
            Map.entry(Request.Stop.class, "stop"),
            Map.entry(Request.Terminate.class, "terminate"),
            Map.entry(Request.Move.class, "move"),
            Map.entry(Request.CreateInterface.class, "createInterface"),
            Map.entry(Request.DeleteInterface.class, "deleteInterface"),
            Map.entry(Request.Attach.class, "attach"),
            Map.entry(Request.Detach.class, "detach"),
            Map.entry(Request.ModifyInterface.class, "modifyInterface"),
            Map.entry(Request.ModifyAttachment.class, "modifyInterface"),
            Map.entry(Request.AssignIps.class, "assignIps"),
            Map.entry(Request.UnassignIps.class, "unassignIps"),
            Map.entry(Request.AssociatePublicIp.class, "associatePublicIp"),
            Map.entry(Request.DisassociatePublicIp.class, "disassociatePublicIp"),
            Map.entry(Request.GrantPermission.class, "grantPermission"),
            Map.entry(Request.RevokePermission.class, "revokePermission"),
            Map.entry(Request.Describe.class, "describe"));

    /** The key of a step sending {@code request}; a request no step can send is a programming error. */
    static String keyOf(Request request) {
        String key = KEYS.get(request.getClass());
        if (key == null) {
            throw new IllegalArgumentException(request.getClass().getSimpleName()
                    + " cannot be a scenario step (principals are declared under 'principals')");
        }
        return key;
    }
}
