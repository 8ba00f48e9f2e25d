/**
 * Generated from the gateway's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `npm run generate:api` after changing a route or a contract.
 */
export interface paths {
    "/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What admins and moderators did, newest first */
        get: operations["adminListAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts, with their roles and suspension, a page at a time */
        get: operations["adminListUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account, with its roles and suspension */
        get: operations["adminGetUser"];
        put?: never;
        post?: never;
        /**
         * Delete an account
         * @description The account stops working at once; every module then purges its data. The last active admin cannot be deleted (409).
         */
        delete: operations["adminDeleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{uid}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend an account: disable it in Firebase Auth and revoke its sessions
         * @description Idempotent. Moderators may suspend members only; only an admin may suspend a moderator or an admin.
         */
        post: operations["adminDeactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{uid}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift a suspension
         * @description Idempotent. Moderators may suspend members only; only an admin may suspend a moderator or an admin.
         */
        post: operations["adminReactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{uid}/roles/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Grant a role
         * @description Idempotent. The account gets the role the next time its client refreshes its ID token (getIdToken(true)).
         */
        put: operations["adminAssignRole"];
        post?: never;
        /**
         * Take a role away
         * @description Idempotent. The account's sessions are revoked: its next request is a 401 and a new sign-in carries the new roles. The last active admin cannot lose the role (409).
         */
        delete: operations["adminRevokeRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply the code of a mailed action link
         * @description The dashboard's /auth/action page posts the link's mode and oobCode here. verifyEmail marks the address verified; resetPassword sets newPassword (checked against the password policy), or without it only checks the code; verifyAndChangeEmail moves the account to the new address and emits plaza.identity.email.changed.v1, which tells the previous address. An unknown, used or mismatched code is a 400 and an expired one a 410, both validation_failed naming body.oobCode.
         */
        post: operations["applyActionCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The CSRF token of the session cookie this request carries
         * @description For a page that lost the token `POST /v1/auth/session` returned (a reload). Needs the session cookie, not a Bearer token.
         */
        get: operations["getCsrfToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere
         * @description Revokes the user's refresh tokens: every ID token and session cookie issued before now, this one included, is refused from the next request on (401 `session_revoked`), and no device can refresh its way back in.
         */
        post: operations["logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password reset link to an address, if it has an account
         * @description Always 202, whether or not the address has an account, so it cannot tell who has one. For an existing, enabled account it emits plaza.identity.passwordreset.requested.v1 and the mailer sends the link. At most 2 a minute per client address and per email address (429 with Retry-After), for every address alike.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the caller holds one permission
         * @description From the roles of the presented credential, with no database read. An unknown permission is a 400 naming `query.check`.
         */
        get: operations["checkPermission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a fresh ID token for a session cookie
         * @description The ID token comes as `Authorization: Bearer` (preferred) or in the body, and must be from a sign-in in the last 5 minutes (else 401 `reauthentication_required`). Sets the HttpOnly `__session` cookie and returns its CSRF token, which every POST, PUT, PATCH and DELETE signed in by the cookie must send as `X-CSRF-Token`.
         */
        post: operations["createSession"];
        /**
         * Sign this browser out
         * @description Clears the `__session` cookie. Other devices stay signed in, and a copy of the cookie taken elsewhere stays valid until it expires; `POST /v1/auth/logout-all` ends them all. Signed in by the cookie, it needs `X-CSRF-Token`.
         */
        delete: operations["endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail the signed-in user a link to verify their email address
         * @description Emits plaza.identity.emailverification.requested.v1; the mailer sends the link. At most 2 a minute per client address and per email address (429 with Retry-After). 409 when the address is already verified.
         */
        post: operations["requestEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's profile, roles, permissions and account times
         * @description The first call creates the profile and announces plaza.identity.user.registered.v1. The email, its verification and the times come from Firebase Auth.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * Delete the signed-in user's account
         * @description Needs a sign-in within the last 5 minutes (else 401 `reauthentication_required`: sign in again and retry). The account stops working at once; every module then purges its data. The last active admin cannot delete themself (409).
         */
        delete: operations["deleteMe"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start moving the signed-in user's account to a new email address
         * @description Needs a sign-in from the last 5 minutes (else 401 reauthentication_required). Emits plaza.identity.emailchange.requested.v1: the mailer sends a confirmation link to the NEW address, and nothing changes until that link is applied (POST /v1/auth/actions). 409 when the address belongs to another account. At most 2 a minute per client address and per new address.
         */
        post: operations["changeEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the signed-in user's password
         * @description Checks currentPassword, checks newPassword against the password policy, sets it, and signs the account out everywhere (refresh tokens and session cookies are revoked). The dashboard then signs in again with the new password. 409 for an account without a password (Google or GitHub only): a password reset sets one.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the presented credential allows, from the token alone
         * @description No database read: the dashboard can shape its navigation before the profile has loaded.
         */
        get: operations["getMyPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the signed-in user's username, display name, avatar or bio
         * @description Absent fields stay as they are; null removes one. A username is trimmed and lower-cased, then claimed atomically: 409 `username_taken` when another member holds it, 400 naming `body.username` when it is malformed or reserved. The previous username is released at once.
         */
        patch: operations["updateMyProfile"];
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's inbox, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an item of the inbox; deleting one that is gone is fine */
        delete: operations["deleteNotification"];
        options?: never;
        head?: never;
        /**
         * Mark an item of the inbox read or unread
         * @description Read sets readAt to now; an item read before keeps its readAt. Unread sets it to null. 404 `not_found` when the inbox has no such item.
         */
        patch: operations["updateNotification"];
        trace?: never;
    };
    "/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark every unread item of the signed-in user's inbox read
         * @description Items read before keep their readAt. Answers the unread count after: 0.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's inbox, live, as Server-Sent Events (for EventSource)
         * @description First `retry: 2000`. Then `event: unread` with `data: {"unread":n}` (UnreadCount) at once and on every change of the count, and `event: notification` with `data:` a NotificationItem for each item that arrives while the stream is open. Every event carries an opaque `id:`, the stream position. On a reconnect EventSource sends the last one as `Last-Event-ID`, and the stream first sends the items that arrived since (oldest first, at most 50: after that many, reload the list), then the count. A `: keepalive` comment comes every 20 s. The stream ends by itself after NOTIFICATION_STREAM_MAX_MS (50 s by default; Firebase Hosting cuts requests at 60 s), when the instance shuts down, or when a listener fails, and EventSource reconnects. An unknown `Last-Event-ID` starts afresh. At most 5 streams per user are open on one instance; one more is a 429 `rate_limited`, which EventSource does not retry.
         */
        get: operations["streamNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many items of the signed-in user's inbox are unread */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/telegram/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the signed-in user's account is linked to a Telegram chat */
        get: operations["getTelegramLink"];
        put?: never;
        /**
         * A one-time token and the t.me deep link that links a Telegram chat to this account
         * @description The token is valid for 10 minutes and redeemed once, by `/start <token>` in the bot (what opening the deep link and pressing Start sends). A chat linked before, of this user or another, is replaced: one user has one chat, one chat one user. 503 `unavailable` when the bot is not configured.
         */
        post: operations["startTelegramLink"];
        /** Unlink the Telegram chat; unlinking when nothing is linked is fine */
        delete: operations["deleteTelegramLink"];
        options?: never;
        head?: never;
        /**
         * Turn notifications to the linked Telegram chat on or off
         * @description 404 `not_found` when no chat is linked.
         */
        patch: operations["updateTelegramLink"];
        trace?: never;
    };
    "/v1/usernames/{username}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a username could be claimed now
         * @description For the dashboard while the member types: a malformed or reserved name is an answer (`available: false` with the reason), not an error. The answer is advice; the claim itself (PATCH /v1/me/profile) decides.
         */
        get: operations["getUsernameAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members whose username or display name starts with q, by username
         * @description Case- and accent-insensitive prefix match on the username, the display name, and each of their words; only the first 20 characters of q count. No q lists every member with a username. Members without a username, and deactivated ones, are not listed.
         */
        get: operations["searchUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's public profile, by username
         * @description The username is matched case-insensitively. Never the email. 404 for an unknown, malformed or deactivated name.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widgets/weather": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Current weather and the next hours at a place (Open-Meteo, cached 10 minutes)
         * @description Answers from a cache keyed by the location rounded to 0.01°. When Open-Meteo fails or times out, a cached report up to a day old is served with `stale: true`; without one the answer is a 502 `upstream_failed` or a 504 `upstream_timeout` problem. `Cache-Status` says hit, miss or stale; `Age` is the report's age in seconds.
         */
        get: operations["getWeatherWidget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessState: {
            deleted: boolean;
            disabled: boolean;
            roles: ("member" | "moderator" | "admin")[];
        };
        AccountDeletion: {
            /** Format: date-time */
            deletedAt: string;
            uid: string;
        };
        /** @enum {string} */
        ActionMode: "verifyEmail" | "resetPassword" | "verifyAndChangeEmail";
        AdminUser: {
            /** Format: date-time */
            createdAt: string | null;
            disabled: boolean;
            displayName: string | null;
            email: string | null;
            /** Format: date-time */
            lastSignInAt: string | null;
            roles: ("member" | "moderator" | "admin")[];
            uid: string;
        };
        AdminUserList: {
            items: components["schemas"]["AdminUser"][];
            nextCursor: string | null;
        };
        ApplyActionRequest: {
            /** @enum {string} */
            mode: "verifyEmail";
            /** @description The `oobCode` of the action link */
            oobCode: string;
        } | {
            /** @enum {string} */
            mode: "verifyAndChangeEmail";
            /** @description The `oobCode` of the action link */
            oobCode: string;
        } | {
            /** @enum {string} */
            mode: "resetPassword";
            /** @description The new password: 10 to 128 characters, with at least one letter and at least one digit, space or symbol, and not containing the part of your email address before the @. */
            newPassword?: string;
            /** @description The `oobCode` of the action link */
            oobCode: string;
        };
        ApplyActionResponse: {
            applied: boolean;
            email: string;
            mode: components["schemas"]["ActionMode"];
        };
        /** @enum {string} */
        AssignableRole: "moderator" | "admin";
        /** @enum {string} */
        AuditAction: "role.assigned" | "role.revoked" | "user.deactivated" | "user.reactivated" | "user.deleted";
        AuditEntry: {
            action: components["schemas"]["AuditAction"];
            actorUid: string;
            after: components["schemas"]["AccessState"];
            /** Format: date-time */
            at: string;
            before: components["schemas"]["AccessState"];
            id: string;
            requestId: string;
            targetUid: string;
        };
        AuditList: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
            people: {
                [key: string]: components["schemas"]["AuditPerson"];
            };
        };
        AuditPerson: {
            displayName: string | null;
            email: string | null;
        };
        ChangeEmailRequest: {
            /** Format: email */
            newEmail: string;
        };
        ChangePasswordRequest: {
            currentPassword: string;
            /** @description The new password: 10 to 128 characters, with at least one letter and at least one digit, space or symbol, and not containing the part of your email address before the @. */
            newPassword: string;
        };
        CreateSessionRequest: {
            /** @description A Firebase ID token from a sign-in in the last 5 minutes; required unless sent as Bearer */
            idToken?: string;
        };
        CsrfTokenResponse: {
            /** @description Send it as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE signed in by the cookie */
            csrfToken: string;
        };
        MeResponse: {
            avatarUrl: string | null;
            bio: string | null;
            /** Format: date-time */
            createdAt: string;
            displayName: string | null;
            email: string | null;
            emailVerified: boolean;
            /** Format: date-time */
            lastSignInAt: string | null;
            permissions: ("profile:read:self" | "profile:update:self" | "account:delete:self" | "profiles:read" | "notifications:read:self" | "notifications:update:self" | "posts:create" | "posts:delete:any" | "comments:create" | "comments:delete:any" | "users:read" | "users:suspend" | "users:delete" | "roles:assign" | "audit:read")[];
            roles: ("member" | "moderator" | "admin")[];
            uid: string;
            username: string | null;
        };
        NotificationItem: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            kind: string;
            /** Format: date-time */
            readAt: string | null;
            title: string;
        };
        NotificationList: {
            items: components["schemas"]["NotificationItem"][];
            nextCursor: string | null;
        };
        PasswordResetRequest: {
            /** Format: email */
            email: string;
        };
        PermissionCheckResponse: {
            granted: boolean;
            /** @enum {string} */
            permission: "profile:read:self" | "profile:update:self" | "account:delete:self" | "profiles:read" | "notifications:read:self" | "notifications:update:self" | "posts:create" | "posts:delete:any" | "comments:create" | "comments:delete:any" | "users:read" | "users:suspend" | "users:delete" | "roles:assign" | "audit:read";
        };
        ProblemDetails: {
            /** @enum {string} */
            code: "validation_failed" | "malformed_json" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "timeout" | "conflict" | "username_taken" | "reauthentication_required" | "upstream_failed" | "upstream_timeout" | "session_revoked" | "account_disabled" | "csrf_failed" | "access_denied" | "unavailable" | "internal";
            detail?: string;
            errors?: components["schemas"]["ProblemFieldError"][];
            instance?: string;
            requestId?: string;
            status: number;
            title: string;
            type: string;
        };
        ProblemFieldError: {
            message: string;
            path: string;
        };
        PublicProfile: {
            avatarUrl: string | null;
            bio: string | null;
            /** Format: date-time */
            createdAt: string;
            displayName: string | null;
            uid: string;
            username: string;
        };
        SessionResponse: {
            /** @description Send it as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE signed in by the cookie */
            csrfToken: string;
            /**
             * Format: date-time
             * @description When the session cookie expires
             */
            expiresAt: string;
        };
        TelegramLinkStart: {
            /** Format: uri */
            deepLink: string;
            /** Format: date-time */
            expiresAt: string;
            status: components["schemas"]["TelegramLinkStatus"];
            token: string;
        };
        TelegramLinkStatus: {
            firstName: string | null;
            linked: boolean;
            /** Format: date-time */
            linkedAt: string | null;
            notifications: boolean | null;
            username: string | null;
        };
        UnreadCount: {
            unread: number;
        };
        UpdateNotificationRequest: {
            read: boolean;
        };
        UpdateProfileRequest: {
            avatarUrl?: string | null;
            bio?: string | null;
            displayName?: string | null;
            username?: components["schemas"]["Username"];
        };
        UpdateTelegramLinkRequest: {
            notifications: boolean;
        };
        UserList: {
            items: components["schemas"]["PublicProfile"][];
            nextCursor: string | null;
        };
        /**
         * @description Trimmed and lower-cased before the pattern is checked, so `Ada.Lovelace` claims `ada.lovelace`.
         * @example ada.lovelace
         */
        Username: string;
        UsernameAvailability: {
            available: boolean;
            message: string | null;
            /** @enum {string|null} */
            reason: "invalid" | "reserved" | "taken" | null;
            username: string;
        };
        WeatherCondition: {
            code: number;
            /** @description e.g. "Partly cloudy", "Slight rain" */
            text: string;
        };
        WeatherHour: {
            condition: components["schemas"]["WeatherCondition"];
            precipitationProbability: number | null;
            temperatureC: number;
            /**
             * Format: date-time
             * @description Start of the hour (UTC)
             */
            time: string;
        };
        WeatherLocation: {
            country: string | null;
            /** @description Rounded to 0.01° (about 1 km): the cache key */
            latitude: number;
            longitude: number;
            /** @description The city, when asked by name */
            name: string | null;
            /** @description IANA zone of the location, e.g. Europe/Berlin */
            timezone: string;
            utcOffsetSeconds: number;
        };
        WeatherNow: {
            apparentTemperatureC: number;
            condition: components["schemas"]["WeatherCondition"];
            isDay: boolean;
            relativeHumidity: number;
            temperatureC: number;
            /**
             * Format: date-time
             * @description When the conditions were observed (UTC)
             */
            time: string;
            windSpeedKmh: number;
        };
        WeatherWidget: {
            ageSeconds: number;
            current: components["schemas"]["WeatherNow"];
            /** Format: date-time */
            fetchedAt: string;
            location: components["schemas"]["WeatherLocation"];
            nextHours: components["schemas"]["WeatherHour"][];
            /** @enum {string} */
            source: "open-meteo";
            stale: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    adminListAudit: {
        parameters: {
            query?: {
                action?: components["schemas"]["AuditAction"];
                /** @description Only entries by this account: its uid, or its email address (a text with an @) */
                actor?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only entries about this account: its uid, or its email address (a text with an @) */
                target?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the audit log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminListUsers: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description Only deactivated (true) or active (false) accounts */
                disabled?: "true" | "false";
                limit?: number;
                /** @description A prefix of the username or display name */
                name?: string;
                /** @description An exact uid or email address, answered only if it passes the role and disabled filters */
                q?: string;
                /** @description Only accounts holding this role (every account is a member) */
                role?: "member" | "moderator" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserList"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminGetUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminDeleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; the data is purged shortly after */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDeletion"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminDeactivateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminReactivateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminAssignRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role: components["schemas"]["AssignableRole"];
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminRevokeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role: components["schemas"]["AssignableRole"];
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    applyActionCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyActionRequest"];
            };
        };
        responses: {
            /** @description The code was applied (or checked) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplyActionResponse"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCsrfToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrfTokenResponse"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description If the address has an account, a link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    checkPermission: {
        parameters: {
            query: {
                /** @description A permission of the catalog */
                check: "profile:read:self" | "profile:update:self" | "account:delete:self" | "profiles:read" | "notifications:read:self" | "notifications:update:self" | "posts:create" | "posts:delete:any" | "comments:create" | "comments:delete:any" | "users:read" | "users:suspend" | "users:delete" | "roles:assign" | "audit:read";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermissionCheckResponse"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateSessionRequest"];
            };
        };
        responses: {
            /** @description The session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cookie is cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    requestEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; the data is purged shortly after */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDeletion"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeEmailRequest"];
            };
        };
        responses: {
            /** @description A confirmation link is on its way to the new address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed; every session is signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMyPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Roles and permissions of the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        permissions: ("profile:read:self" | "profile:update:self" | "account:delete:self" | "profiles:read" | "notifications:read:self" | "notifications:update:self" | "posts:create" | "posts:delete:any" | "comments:create" | "comments:delete:any" | "users:read" | "users:suspend" | "users:delete" | "roles:assign" | "audit:read")[];
                        roles: ("member" | "moderator" | "admin")[];
                        uid: string;
                    };
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileRequest"];
            };
        };
        responses: {
            /** @description The updated profile, as GET /v1/me shows it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the inbox */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not in the inbox (any more) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationRequest"];
            };
        };
        responses: {
            /** @description The item after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationItem"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unread count after */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    streamNotifications: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `id` of the last event received; EventSource sends it on reconnecting */
                "last-event-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unread count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTelegramLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelegramLinkStatus"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    startTelegramLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token, its deep link and the current status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelegramLinkStart"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteTelegramLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not linked (any more) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateTelegramLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTelegramLinkRequest"];
            };
        };
        responses: {
            /** @description The link status after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelegramLinkStatus"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getUsernameAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The availability */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsernameAvailability"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    searchUsers: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page, with the same q */
                cursor?: string;
                limit?: number;
                /** @description The prefix to look for */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProfile"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getWeatherWidget: {
        parameters: {
            query?: {
                /** @description A city name, looked up with Open-Meteo geocoding */
                city?: string;
                /** @description How many hours ahead, the current one first */
                hours?: number;
                /** @description Latitude in degrees (-90..90), with lon; or give city */
                lat?: string;
                /** @description Longitude in degrees (-180..180), with lat */
                lon?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The weather */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeatherWidget"];
                };
            };
            /** @description An error, as RFC 9457 problem details with a stable `code`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
