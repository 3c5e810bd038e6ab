// Generated from packages/gateway/openapi.json by `pnpm gen:openapi`; do not edit.
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status and version (no token needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/readers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readers and their cards */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            readers: {
                                name: string;
                                cardPresent: boolean;
                                atr: string | null;
                                /** @description events seen for this reader; the id of its latest event */
                                counter: number;
                                /** @description the paired PSAM slot */
                                psam: string | null;
                            }[];
                            idCard?: {
                                /** @description the ID-card reader's serial port */
                                port: string;
                                /** @description ID cards read on it since the gateway started; the id of its latest idcard-placed event */
                                counter: number;
                                /** @description the catalogue code of the last poll's failure (reader silent, port gone); absent while polls succeed */
                                problem?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/readers/{reader}/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the card in a reader, by sections
         * @description Sections (comma-separated): issuer (read:basic), holder (read:basic), photo (read:basic), insurance (read:basic), address (read:basic), clinical (read:clinical), allergies (read:clinical), encounters (read:clinical). Default issuer,holder,insurance. A card read once is served from a snapshot until it is removed; fresh=true reads it again.
         */
        get: {
            parameters: {
                query?: {
                    sections?: string;
                    fresh?: boolean;
                };
                header?: never;
                path: {
                    /** @description PC/SC reader name (URL-encoded) */
                    reader: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reader: string;
                            /** @description the reader's event counter when this card went in: what an encounter write names */
                            counter: number;
                            /** @description true when answered from what was read of this card since it went in, without touching it */
                            cached: boolean;
                            card: {
                                issuer?: {
                                    [key: string]: string;
                                };
                                holder?: {
                                    [key: string]: string;
                                };
                                photo?: null | {
                                    mime: string;
                                    base64: string;
                                };
                                insurance?: {
                                    [key: string]: string;
                                };
                                address?: {
                                    [key: string]: string;
                                };
                                clinical?: {
                                    [key: string]: unknown;
                                };
                                allergies?: {
                                    substance: string;
                                    reaction: string;
                                }[];
                                encounters?: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/readers/{reader}/card/insurance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Input of the national insurance person lookup (1101), built from the card */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description PC/SC reader name (URL-encoded) */
                    reader: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reader: string;
                            /** @description the reader's event counter when this card went in: what an encounter write names */
                            counter: number;
                            /** @description true when answered from what was read of this card since it went in, without touching it */
                            cached: boolean;
                            source: "ssse" | "health";
                            lookup: {
                                mdtrt_cert_type: string;
                                mdtrt_cert_no: string;
                                card_sn: string;
                                psn_cert_type: string;
                                certno: string;
                                psn_name: string;
                            };
                            ruralInsuranceNumber: string;
                            paymentSchemes: string[];
                            /** @description the card's application city code (GB/T 2260) */
                            region: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/readers/{reader}/card/encounters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write an encounter record, signed by the PSAM
         * @description The Idempotency-Key header is required: a request repeated with the same key gets the first answer and writes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    "idempotency-key": string;
                };
                path: {
                    /** @description PC/SC reader name (URL-encoded) */
                    reader: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "outpatient" | "inpatient";
                        counter?: number;
                        record?: number;
                        items: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reader: string;
                            kind: string;
                            record: number;
                            signed: boolean;
                            writtenAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/readers/{reader}/card/ssse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the social-security (SSSE) application of the card
         * @description Card data (卡识别码, 规范版本, dates, 卡号) and holder data (read through the PSAM on 3.0 cards). format=text answers the national iReadCardBas string as text/plain.
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "text";
                    /** @description read the card again instead of its snapshot */
                    fresh?: boolean;
                };
                header?: never;
                path: {
                    /** @description PC/SC reader name (URL-encoded) */
                    reader: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the application as JSON, or with format=text the iReadCardBas string */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reader: string;
                            /** @description the reader's event counter when this card went in: what an encounter write names */
                            counter: number;
                            /** @description true when answered from what was read of this card since it went in, without touching it */
                            cached: boolean;
                            card: {
                                [key: string]: string | number;
                            };
                            holder: {
                                /** @enum {boolean} */
                                readable: true;
                                value: {
                                    [key: string]: string | number;
                                };
                            } | {
                                /** @enum {boolean} */
                                readable: false;
                                reason: string;
                                mohrss: {
                                    code: number;
                                    text: string;
                                };
                            };
                            algorithm: number;
                            /** @description the national iReadCardBas 11-field string (spec A.7), when the holder data was read */
                            iReadCardBas?: string;
                        };
                        "text/plain": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/readers/{reader}/card/bank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the bank application of the card, masked
         * @description The card number masked to its first 6 and last 4 digits, the holder name and the expiry month. The full number and track-2 data never leave the reader.
         */
        get: {
            parameters: {
                query?: {
                    /** @description read the card again instead of its snapshot */
                    fresh?: boolean;
                };
                header?: never;
                path: {
                    /** @description PC/SC reader name (URL-encoded) */
                    reader: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reader: string;
                            /** @description the reader's event counter when this card went in: what an encounter write names */
                            counter: number;
                            /** @description true when answered from what was read of this card since it went in, without touching it */
                            cached: boolean;
                            bank: {
                                aid: string;
                                label: string;
                                /** @description first 6 and last 4 digits; the full number never leaves the reader */
                                maskedPan: string;
                                holderName?: string;
                                /** @description YYYY-MM */
                                expiryMonth?: string;
                                scheme: string;
                                product?: string;
                                holderIdMatches?: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/idcard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the resident ID card on the desk's ID-card reader
         * @description The card read since it was placed (the reader lets a card be read once per placement), else a read now. The WLT photo is given as read: no licensed decoder is available.
         */
        get: {
            parameters: {
                query?: {
                    /** @description read the card again instead of its snapshot */
                    fresh?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            port: string;
                            /** @description placements read on this port since the gateway started */
                            counter: number;
                            cached: boolean;
                            readAt: string;
                            /** @description the text block, by field (spec C.6) */
                            card: {
                                [key: string]: unknown;
                            };
                            appendedAddress?: string;
                            photo: {
                                /** @enum {string} */
                                format: "wlt";
                                base64: string;
                                /** @enum {boolean} */
                                decoded: false;
                                note: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/readers/{reader}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the identity of the card holder: one verdict per check, with reasons
         * @description Checks: card_authentication, issuer_certificate, security_code, card_not_expired, id_number_valid, not_hotlisted, applications_agree, id_card_matches. The ID card on the desk's ID-card reader is compared when one is configured and idcard is not false. Overall: fail when any check fails, pass when the card authenticated through the PSAM and nothing failed, else not_possible.
         */
        get: {
            parameters: {
                query?: {
                    idcard?: boolean;
                    /** @description read the card again instead of its snapshot */
                    fresh?: boolean;
                };
                header?: never;
                path: {
                    /** @description PC/SC reader name (URL-encoded) */
                    reader: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reader: string;
                            /** @enum {string} */
                            verdict: "pass" | "fail" | "not_possible";
                            checks: {
                                /** @enum {string} */
                                check: "card_authentication" | "issuer_certificate" | "security_code" | "card_not_expired" | "id_number_valid" | "not_hotlisted" | "applications_agree" | "id_card_matches";
                                /** @enum {string} */
                                verdict: "pass" | "fail" | "not_possible";
                                /** @enum {string} */
                                reason: "PSAM_AUTH_OK" | "PSAM_AUTH_FAILED" | "CARD_NOT_READ" | "PSAM_AUTH_NOT_RUN" | "CERT_VERIFIED" | "CERT_UNTRUSTED" | "CERT_EXPIRED" | "CERT_MALFORMED" | "CERT_NO_ROOT" | "CERT_NOT_READ" | "CVN_MATCHES" | "CVN_MISMATCH" | "CVN_NO_KEY" | "CVN_NOT_READ" | "CARD_VALID" | "CARD_EXPIRED" | "CARD_EXPIRY_NOT_READ" | "ID_VALID" | "ID_INVALID" | "ID_BIRTHDATE_MISMATCH" | "ID_SEX_MISMATCH" | "ID_NOT_READ" | "NOT_HOTLISTED" | "HOTLISTED" | "NO_HOTLIST" | "APPLICATIONS_AGREE" | "APPLICATIONS_DISAGREE" | "ONE_APPLICATION" | "ID_CARD_MATCHES" | "ID_CARD_MISMATCH" | "NO_ID_CARD" | "ID_CARD_NOT_READ" | "HOLDER_NOT_READ";
                                words: string;
                                detail?: string;
                            }[];
                            /** @description the reader's event counter when this card went in: what an encounter write names */
                            counter?: number;
                            /** @description true when answered from what was read of this card since it went in, without touching it */
                            cached?: boolean;
                            idCard?: {
                                port: string;
                                counter: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The national interface functions this gateway serves */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            functions: {
                                /** @enum {string} */
                                name: "iR_DDF1EF05Info" | "iR_DDF1EF06Info" | "iR_DDF1EF07Info" | "iR_DDF1EF08Info" | "iR_DF01EF05Info" | "iR_DF01EF06Info" | "iR_DF01EF07Info" | "iR_DF01EF08Info" | "iR_DF02EF05Info" | "iR_DF02EF06Info" | "iR_DF02EF07Info" | "iR_DF02EF08Info" | "iR_DF03EF05Info" | "iR_DF03EF06Info" | "iR_DF03EEInfo" | "iR_DF03EDInfo" | "iR_DF03EE_ALLInfo" | "iR_DF03ED_ALLInfo" | "iReader_SAM_Public" | "iReader_SAM_Terminal" | "iReader_SAM_PublicApp" | "iReader_SAM_OrgCertificate" | "iReader_SAM_Certificate" | "iW_DDF1EF08Info" | "iW_DF01EF05Info" | "iW_DF01EF06Info" | "iW_DF01EF07Info" | "iW_DF01EF08Info" | "iW_DF02EF05Info" | "iW_DF02EF06Info" | "iW_DF02EF07Info" | "iW_DF02EF08Info" | "iW_DF03EEInfo" | "iW_DF03EDInfo" | "iW_DF03EE_ALLInfo" | "iW_DF03ED_ALLInfo" | "iW_DF03EF05Info" | "iErase_DF03EF05Info" | "iW_DF03EF06Info" | "iErase_DF03EF06Info";
                                method: "GET" | "POST";
                                kind: string;
                                scope: string;
                                fields: string[];
                                records?: number;
                                failure: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DDF1EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DDF1EF05Info: 发卡机构基本数据 (issuer data)
         * @description Outputs: KLB = cardType, GFBB = specVersion, FKJGMC = issuerName, FKJGDM = issuerCode, FKJGZS = issuerCertificate, FKSJ = issueDate, KH = cardNumber, AQM = securityCode, XPXLH = chipSerial, YYCSDM = cityCode. Scope read:basic. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DDF1EF05Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DDF1EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DDF1EF06Info: 持卡人基本信息 (holder identity)
         * @description Outputs: XM = name, XB = sex, MZ = ethnicity, CSRQ = birthDate, SFZH = idNumber. Scope read:basic. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DDF1EF06Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DDF1EF07Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DDF1EF07Info: 照片 (photo): hex of the 2-byte big-endian length and the JPEG
         * @description Outputs: ZHAOPIAN = photo. Scope read:basic. Interface code of a failure of its own operation: 113.
         */
        get: operations["iR_DDF1EF07Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DDF1EF08Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DDF1EF08Info: 卡有效期/电话/支付方式 (expiry, phones, payment)
         * @description Outputs: KYXQ = expiryDate, BRDH1 = phone1, BRDH2 = phone2, YLFYZFFS1 = paymentScheme1, YLFYZFFS2 = paymentScheme2, YLFYZFFS3 = paymentScheme3. Scope read:basic. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DDF1EF08Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF01EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF01EF05Info: 地址信息 (addresses)
         * @description Outputs: DZLB1 = addressType1, DZ1 = address1, DZLB2 = addressType2, DZ2 = address2. Scope read:basic. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF01EF05Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF01EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF01EF06Info: 联系人信息 (contacts)
         * @description Outputs: LXRXM1 = contact1Name, LXRGX1 = contact1Relation, LXRDH1 = contact1Phone, LXRXM2 = contact2Name, LXRGX2 = contact2Relation, LXRDH2 = contact2Phone, LXRXM3 = contact3Name, LXRGX3 = contact3Relation, LXRDH3 = contact3Phone. Scope read:basic. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF01EF06Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF01EF07Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF01EF07Info: 职业婚姻信息 (education, marital, occupation)
         * @description Outputs: WHCD = education, HYZK = maritalStatus, ZY = occupation. Scope read:basic. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF01EF07Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF01EF08Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF01EF08Info: 证件记录信息 (documents)
         * @description Outputs: ZJLB = documentType, ZJHM = documentNumber, JKDAH = healthRecordNumber, XNHZH = ruralInsuranceNumber. Scope read:basic. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF01EF08Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF02EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF02EF05Info: 临床基本数据 (blood groups, alerts)
         * @description Outputs: ABOXX = aboBloodGroup, RHXX = rhBloodGroup, XCBZ = asthma, XZBBZ = heartDisease, XNXGBBZ = cardioCerebrovascular, DXBBZ = epilepsy, NXWLBZ = coagulationDisorder, TNBBZ = diabetes, QGYBZ = glaucoma, TXBZ = dialysis, QGYZBZ = organTransplant, QGQSBZ = organLoss, KZXYZBZ = removableProsthesis, XZQBQBZ = pacemaker, QTYXJSMC = otherMedicalAlert. Scope read:clinical. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF02EF05Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF02EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF02EF06Info: 特殊信息 (psychiatric flag)
         * @description Outputs: JSBBZ = psychiatricFlag. Scope read:clinical. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF02EF06Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF02EF07Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF02EF07Info: 过敏基本数据 (allergy record nRecorderNo; 1 is the newest)
         * @description Outputs: GMWZMC = allergySubstance, GMWZFY = allergyReaction. Scope read:clinical. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF02EF07Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF02EF08Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF02EF08Info: 免疫基本数据 (immunisation record nRecorderNo; 1 is the newest)
         * @description Outputs: MYJZMC = immunisationName, MYJZSJ = immunisationDate. Scope read:clinical. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF02EF08Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF03EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF03EF05Info: 住院记录有效标志 (inpatient index: 00 in use, FF empty)
         * @description Outputs: ZYJLBS1 = inpatientRecordFlag, ZYJLBS2 = inpatientRecordFlag, ZYJLBS3 = inpatientRecordFlag. Scope read:clinical. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF03EF05Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF03EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF03EF06Info: 门诊记录有效标志 (outpatient index: 00 in use, FF empty)
         * @description Outputs: MZJLBS1 = outpatientRecordFlag, MZJLBS2 = outpatientRecordFlag, MZJLBS3 = outpatientRecordFlag, MZJLBS4 = outpatientRecordFlag, MZJLBS5 = outpatientRecordFlag. Scope read:clinical. Interface code of a failure of its own operation: 103.
         */
        get: operations["iR_DF03EF06Info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF03EEInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF03EEInfo: 住院信息 EE0n, bytes nPos…nPos+nLen
         * @description Outputs: szData. Scope read:clinical. Interface code of a failure of its own operation: 107.
         */
        get: operations["iR_DF03EEInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF03EDInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF03EDInfo: 门诊信息 ED0n, bytes nPos…nPos+nLen
         * @description Outputs: szData. Scope read:clinical. Interface code of a failure of its own operation: 107.
         */
        get: operations["iR_DF03EDInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF03EE_ALLInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF03EE_ALLInfo: 住院信息 EE0n, all fields |-separated
         * @description Outputs: szData: 147 fields |-separated in offset order (item keys: hospitalName, hospitalOrgCode, admissionDate, admissionCount, caseNumber, admissionDepartment, admissionCondition, hospitalInfection, injuryExternalCause, diagnoses.0.serologyItem, diagnoses.0.serologyResult, diagnoses.0.diseaseName, diagnoses.0.diseaseCode, diagnoses.0.confirmedDate, diagnoses.0.agreementDescription, diagnoses.0.agreementCode, diagnoses.0.diagnosisTypeDescription, diagnoses.0.diagnosisTypeCode, diagnoses.0.treatmentResultCode, diagnoses.0.operationName, diagnoses.0.operationCode, diagnoses.0.operationDate, diagnoses.0.anaesthesiaMethod, diagnoses.0.anaesthesiaMethodCode, diagnoses.0.incisionHealing, diagnoses.1.serologyItem, diagnoses.1.serologyResult, diagnoses.1.diseaseName, diagnoses.1.diseaseCode, diagnoses.1.confirmedDate, diagnoses.1.agreementDescription, diagnoses.1.agreementCode, diagnoses.1.diagnosisTypeDescription, diagnoses.1.diagnosisTypeCode, diagnoses.1.treatmentResultCode, diagnoses.1.operationName, diagnoses.1.operationCode, diagnoses.1.operationDate, diagnoses.1.anaesthesiaMethod, diagnoses.1.anaesthesiaMethodCode, diagnoses.1.incisionHealing, diagnoses.2.serologyItem, diagnoses.2.serologyResult, diagnoses.2.diseaseName, diagnoses.2.diseaseCode, diagnoses.2.confirmedDate, diagnoses.2.agreementDescription, diagnoses.2.agreementCode, diagnoses.2.diagnosisTypeDescription, diagnoses.2.diagnosisTypeCode, diagnoses.2.treatmentResultCode, diagnoses.2.operationName, diagnoses.2.operationCode, diagnoses.2.operationDate, diagnoses.2.anaesthesiaMethod, diagnoses.2.anaesthesiaMethodCode, diagnoses.2.incisionHealing, transfusions.0.type, transfusions.0.volume, transfusions.0.unit, transfusions.1.type, transfusions.1.volume, transfusions.1.unit, transfusions.2.type, transfusions.2.volume, transfusions.2.unit, transfusions.3.type, transfusions.3.volume, transfusions.3.unit, rescueCount, rescueSuccessCount, dischargeDate, dischargeDepartment, lengthOfStay, autopsyFlag, followUpFlag, inpatientPaymentScheme, fees.0.category, fees.0.categoryCode, fees.0.amount, fees.1.category, fees.1.categoryCode, fees.1.amount, fees.2.category, fees.2.categoryCode, fees.2.amount, fees.3.category, fees.3.categoryCode, fees.3.amount, fees.4.category, fees.4.categoryCode, fees.4.amount, fees.5.category, fees.5.categoryCode, fees.5.amount, fees.6.category, fees.6.categoryCode, fees.6.amount, fees.7.category, fees.7.categoryCode, fees.7.amount, fees.8.category, fees.8.categoryCode, fees.8.amount, fees.9.category, fees.9.categoryCode, fees.9.amount, fees.10.category, fees.10.categoryCode, fees.10.amount, fees.11.category, fees.11.categoryCode, fees.11.amount, fees.12.category, fees.12.categoryCode, fees.12.amount, fees.13.category, fees.13.categoryCode, fees.13.amount, fees.14.category, fees.14.categoryCode, fees.14.amount, fees.15.category, fees.15.categoryCode, fees.15.amount, fees.16.category, fees.16.categoryCode, fees.16.amount, fees.17.category, fees.17.categoryCode, fees.17.amount, fees.18.category, fees.18.categoryCode, fees.18.amount, fees.19.category, fees.19.categoryCode, fees.19.amount, totalCost, bedFee, nursingFee, westernMedicineFee, chineseMedicineFee, labFee, treatmentFee, surgeryFee, examinationFee, otherFee). Scope read:clinical. Interface code of a failure of its own operation: 107.
         */
        get: operations["iR_DF03EE_ALLInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iR_DF03ED_ALLInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iR_DF03ED_ALLInfo: 门诊信息 ED0n, all fields |-separated
         * @description Outputs: szData: 170 fields |-separated in offset order (item keys: visitHospitalName, visitHospitalOrgCode, visitDateTime, visitNumber, visitDepartment, visitPaymentScheme, visitDiagnoses.0.symptomName, visitDiagnoses.0.symptomCode, visitDiagnoses.0.date, visitDiagnoses.0.name, visitDiagnoses.0.code, visitDiagnoses.0.onsetDateTime, visitDiagnoses.0.symptomDuration, visitDiagnoses.1.symptomName, visitDiagnoses.1.symptomCode, visitDiagnoses.1.date, visitDiagnoses.1.name, visitDiagnoses.1.code, visitDiagnoses.1.onsetDateTime, visitDiagnoses.1.symptomDuration, visitDiagnoses.2.symptomName, visitDiagnoses.2.symptomCode, visitDiagnoses.2.date, visitDiagnoses.2.name, visitDiagnoses.2.code, visitDiagnoses.2.onsetDateTime, visitDiagnoses.2.symptomDuration, visitDiagnoses.3.symptomName, visitDiagnoses.3.symptomCode, visitDiagnoses.3.date, visitDiagnoses.3.name, visitDiagnoses.3.code, visitDiagnoses.3.onsetDateTime, visitDiagnoses.3.symptomDuration, visitDiagnoses.4.symptomName, visitDiagnoses.4.symptomCode, visitDiagnoses.4.date, visitDiagnoses.4.name, visitDiagnoses.4.code, visitDiagnoses.4.onsetDateTime, visitDiagnoses.4.symptomDuration, visitLabTests.0.name, visitLabTests.0.resultCode, visitLabTests.0.quantitativeResult, visitLabTests.0.unit, visitLabTests.0.code, visitLabTests.1.name, visitLabTests.1.resultCode, visitLabTests.1.quantitativeResult, visitLabTests.1.unit, visitLabTests.1.code, visitLabTests.2.name, visitLabTests.2.resultCode, visitLabTests.2.quantitativeResult, visitLabTests.2.unit, visitLabTests.2.code, visitLabTests.3.name, visitLabTests.3.resultCode, visitLabTests.3.quantitativeResult, visitLabTests.3.unit, visitLabTests.3.code, visitLabTests.4.name, visitLabTests.4.resultCode, visitLabTests.4.quantitativeResult, visitLabTests.4.unit, visitLabTests.4.code, visitLabTests.5.name, visitLabTests.5.resultCode, visitLabTests.5.quantitativeResult, visitLabTests.5.unit, visitLabTests.5.code, visitLabTests.6.name, visitLabTests.6.resultCode, visitLabTests.6.quantitativeResult, visitLabTests.6.unit, visitLabTests.6.code, visitLabTests.7.name, visitLabTests.7.resultCode, visitLabTests.7.quantitativeResult, visitLabTests.7.unit, visitLabTests.7.code, visitLabTests.8.name, visitLabTests.8.resultCode, visitLabTests.8.quantitativeResult, visitLabTests.8.unit, visitLabTests.8.code, visitLabTests.9.name, visitLabTests.9.resultCode, visitLabTests.9.quantitativeResult, visitLabTests.9.unit, visitLabTests.9.code, visitDrugs.0.name, visitDrugs.0.dosageFormCode, visitDrugs.0.days, visitDrugs.0.frequency, visitDrugs.0.doseUnit, visitDrugs.0.singleDose, visitDrugs.0.totalDose, visitDrugs.0.routeCode, visitDrugs.1.name, visitDrugs.1.dosageFormCode, visitDrugs.1.days, visitDrugs.1.frequency, visitDrugs.1.doseUnit, visitDrugs.1.singleDose, visitDrugs.1.totalDose, visitDrugs.1.routeCode, visitDrugs.2.name, visitDrugs.2.dosageFormCode, visitDrugs.2.days, visitDrugs.2.frequency, visitDrugs.2.doseUnit, visitDrugs.2.singleDose, visitDrugs.2.totalDose, visitDrugs.2.routeCode, visitDrugs.3.name, visitDrugs.3.dosageFormCode, visitDrugs.3.days, visitDrugs.3.frequency, visitDrugs.3.doseUnit, visitDrugs.3.singleDose, visitDrugs.3.totalDose, visitDrugs.3.routeCode, visitDrugs.4.name, visitDrugs.4.dosageFormCode, visitDrugs.4.days, visitDrugs.4.frequency, visitDrugs.4.doseUnit, visitDrugs.4.singleDose, visitDrugs.4.totalDose, visitDrugs.4.routeCode, visitProcedures.0.name, visitProcedures.0.code, visitProcedures.0.date, visitProcedures.1.name, visitProcedures.1.code, visitProcedures.1.date, visitProcedures.2.name, visitProcedures.2.code, visitProcedures.2.date, visitFees.0.category, visitFees.0.categoryCode, visitFees.0.amount, visitFees.1.category, visitFees.1.categoryCode, visitFees.1.amount, visitFees.2.category, visitFees.2.categoryCode, visitFees.2.amount, visitFees.3.category, visitFees.3.categoryCode, visitFees.3.amount, visitFees.4.category, visitFees.4.categoryCode, visitFees.4.amount, visitFees.5.category, visitFees.5.categoryCode, visitFees.5.amount, visitFees.6.category, visitFees.6.categoryCode, visitFees.6.amount, visitFees.7.category, visitFees.7.categoryCode, visitFees.7.amount, visitFees.8.category, visitFees.8.categoryCode, visitFees.8.amount, visitFees.9.category, visitFees.9.categoryCode, visitFees.9.amount). Scope read:clinical. Interface code of a failure of its own operation: 107.
         */
        get: operations["iR_DF03ED_ALLInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iReader_SAM_Public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iReader_SAM_Public: PSAM 0015 公共信息 (14 bytes)
         * @description Outputs: info. Scope read:basic. Interface code of a failure of its own operation: 105.
         */
        get: operations["iReader_SAM_Public"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iReader_SAM_Terminal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iReader_SAM_Terminal: PSAM 0016 终端信息 (6 bytes)
         * @description Outputs: info. Scope read:basic. Interface code of a failure of its own operation: 105.
         */
        get: operations["iReader_SAM_Terminal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iReader_SAM_PublicApp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iReader_SAM_PublicApp: PSAM DF01/001A 应用公共信息 (25 bytes)
         * @description Outputs: info. Scope read:basic. Interface code of a failure of its own operation: 105.
         */
        get: operations["iReader_SAM_PublicApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iReader_SAM_OrgCertificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iReader_SAM_OrgCertificate: PSAM DF01/001B 发卡机构证书 (180 bytes)
         * @description Outputs: info. Scope read:basic. Interface code of a failure of its own operation: 105.
         */
        get: operations["iReader_SAM_OrgCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iReader_SAM_Certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iReader_SAM_Certificate: PSAM DF01/001C SAM卡证书 (190 bytes)
         * @description Outputs: info. Scope read:basic. Interface code of a failure of its own operation: 105.
         */
        get: operations["iReader_SAM_Certificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DDF1EF08Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DDF1EF08Info: 卡有效期/电话/支付方式 (partial update)
         * @description Inputs: KYXQ = expiryDate, BRDH1 = phone1, BRDH2 = phone2, YLFYZFFS1 = paymentScheme1, YLFYZFFS2 = paymentScheme2, YLFYZFFS3 = paymentScheme3. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DDF1EF08Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF01EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF01EF05Info: 地址信息 (partial update)
         * @description Inputs: DZLB1 = addressType1, DZ1 = address1, DZLB2 = addressType2, DZ2 = address2. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF01EF05Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF01EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF01EF06Info: 联系人信息 (partial update)
         * @description Inputs: LXRXM1 = contact1Name, LXRGX1 = contact1Relation, LXRDH1 = contact1Phone, LXRXM2 = contact2Name, LXRGX2 = contact2Relation, LXRDH2 = contact2Phone, LXRXM3 = contact3Name, LXRGX3 = contact3Relation, LXRDH3 = contact3Phone. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF01EF06Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF01EF07Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF01EF07Info: 职业婚姻信息 (partial update)
         * @description Inputs: WHCD = education, HYZK = maritalStatus, ZY = occupation. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF01EF07Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF01EF08Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF01EF08Info: 证件记录信息 (partial update)
         * @description Inputs: ZJLB = documentType, ZJHM = documentNumber, JKDAH = healthRecordNumber, XNHZH = ruralInsuranceNumber. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF01EF08Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF02EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF02EF05Info: 临床基本数据 (partial update)
         * @description Inputs: ABOXX = aboBloodGroup, RHXX = rhBloodGroup, XCBZ = asthma, XZBBZ = heartDisease, XNXGBBZ = cardioCerebrovascular, DXBBZ = epilepsy, NXWLBZ = coagulationDisorder, TNBBZ = diabetes, QGYBZ = glaucoma, TXBZ = dialysis, QGYZBZ = organTransplant, QGQSBZ = organLoss, KZXYZBZ = removableProsthesis, XZQBQBZ = pacemaker, QTYXJSMC = otherMedicalAlert. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF02EF05Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF02EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF02EF06Info: 特殊信息 (partial update)
         * @description Inputs: JSBBZ = psychiatricFlag. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF02EF06Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF02EF07Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF02EF07Info: 过敏基本数据: adds a new record 1 (the oldest is dropped)
         * @description Inputs: GMWZMC = allergySubstance, GMWZFY = allergyReaction. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF02EF07Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF02EF08Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF02EF08Info: 免疫基本数据: adds a new record 1 (the oldest is dropped)
         * @description Inputs: MYJZMC = immunisationName, MYJZSJ = immunisationDate. Scope write:encounters. Interface code of a failure of its own operation: 108.
         */
        post: operations["iW_DF02EF08Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF03EEInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF03EEInfo: 住院信息 EE0n: writes szData at nPos (nLen bytes)
         * @description Inputs: nRecorderNo, szData, nPos, nLen, nStyle. Scope write:encounters. Interface code of a failure of its own operation: 109.
         */
        post: operations["iW_DF03EEInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF03EDInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF03EDInfo: 门诊信息 ED0n: writes szData at nPos (nLen bytes)
         * @description Inputs: nRecorderNo, szData, nPos, nLen, nStyle. Scope write:encounters. Interface code of a failure of its own operation: 109.
         */
        post: operations["iW_DF03EDInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF03EE_ALLInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF03EE_ALLInfo: 住院信息 EE0n: every field from szData, signed by the PSAM, index set to 00
         * @description Inputs: szData: 147 fields |-separated in offset order (item keys: hospitalName, hospitalOrgCode, admissionDate, admissionCount, caseNumber, admissionDepartment, admissionCondition, hospitalInfection, injuryExternalCause, diagnoses.0.serologyItem, diagnoses.0.serologyResult, diagnoses.0.diseaseName, diagnoses.0.diseaseCode, diagnoses.0.confirmedDate, diagnoses.0.agreementDescription, diagnoses.0.agreementCode, diagnoses.0.diagnosisTypeDescription, diagnoses.0.diagnosisTypeCode, diagnoses.0.treatmentResultCode, diagnoses.0.operationName, diagnoses.0.operationCode, diagnoses.0.operationDate, diagnoses.0.anaesthesiaMethod, diagnoses.0.anaesthesiaMethodCode, diagnoses.0.incisionHealing, diagnoses.1.serologyItem, diagnoses.1.serologyResult, diagnoses.1.diseaseName, diagnoses.1.diseaseCode, diagnoses.1.confirmedDate, diagnoses.1.agreementDescription, diagnoses.1.agreementCode, diagnoses.1.diagnosisTypeDescription, diagnoses.1.diagnosisTypeCode, diagnoses.1.treatmentResultCode, diagnoses.1.operationName, diagnoses.1.operationCode, diagnoses.1.operationDate, diagnoses.1.anaesthesiaMethod, diagnoses.1.anaesthesiaMethodCode, diagnoses.1.incisionHealing, diagnoses.2.serologyItem, diagnoses.2.serologyResult, diagnoses.2.diseaseName, diagnoses.2.diseaseCode, diagnoses.2.confirmedDate, diagnoses.2.agreementDescription, diagnoses.2.agreementCode, diagnoses.2.diagnosisTypeDescription, diagnoses.2.diagnosisTypeCode, diagnoses.2.treatmentResultCode, diagnoses.2.operationName, diagnoses.2.operationCode, diagnoses.2.operationDate, diagnoses.2.anaesthesiaMethod, diagnoses.2.anaesthesiaMethodCode, diagnoses.2.incisionHealing, transfusions.0.type, transfusions.0.volume, transfusions.0.unit, transfusions.1.type, transfusions.1.volume, transfusions.1.unit, transfusions.2.type, transfusions.2.volume, transfusions.2.unit, transfusions.3.type, transfusions.3.volume, transfusions.3.unit, rescueCount, rescueSuccessCount, dischargeDate, dischargeDepartment, lengthOfStay, autopsyFlag, followUpFlag, inpatientPaymentScheme, fees.0.category, fees.0.categoryCode, fees.0.amount, fees.1.category, fees.1.categoryCode, fees.1.amount, fees.2.category, fees.2.categoryCode, fees.2.amount, fees.3.category, fees.3.categoryCode, fees.3.amount, fees.4.category, fees.4.categoryCode, fees.4.amount, fees.5.category, fees.5.categoryCode, fees.5.amount, fees.6.category, fees.6.categoryCode, fees.6.amount, fees.7.category, fees.7.categoryCode, fees.7.amount, fees.8.category, fees.8.categoryCode, fees.8.amount, fees.9.category, fees.9.categoryCode, fees.9.amount, fees.10.category, fees.10.categoryCode, fees.10.amount, fees.11.category, fees.11.categoryCode, fees.11.amount, fees.12.category, fees.12.categoryCode, fees.12.amount, fees.13.category, fees.13.categoryCode, fees.13.amount, fees.14.category, fees.14.categoryCode, fees.14.amount, fees.15.category, fees.15.categoryCode, fees.15.amount, fees.16.category, fees.16.categoryCode, fees.16.amount, fees.17.category, fees.17.categoryCode, fees.17.amount, fees.18.category, fees.18.categoryCode, fees.18.amount, fees.19.category, fees.19.categoryCode, fees.19.amount, totalCost, bedFee, nursingFee, westernMedicineFee, chineseMedicineFee, labFee, treatmentFee, surgeryFee, examinationFee, otherFee). Scope write:encounters. Interface code of a failure of its own operation: 109.
         */
        post: operations["iW_DF03EE_ALLInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF03ED_ALLInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF03ED_ALLInfo: 门诊信息 ED0n: every field from szData, signed by the PSAM, index set to 00
         * @description Inputs: szData: 170 fields |-separated in offset order (item keys: visitHospitalName, visitHospitalOrgCode, visitDateTime, visitNumber, visitDepartment, visitPaymentScheme, visitDiagnoses.0.symptomName, visitDiagnoses.0.symptomCode, visitDiagnoses.0.date, visitDiagnoses.0.name, visitDiagnoses.0.code, visitDiagnoses.0.onsetDateTime, visitDiagnoses.0.symptomDuration, visitDiagnoses.1.symptomName, visitDiagnoses.1.symptomCode, visitDiagnoses.1.date, visitDiagnoses.1.name, visitDiagnoses.1.code, visitDiagnoses.1.onsetDateTime, visitDiagnoses.1.symptomDuration, visitDiagnoses.2.symptomName, visitDiagnoses.2.symptomCode, visitDiagnoses.2.date, visitDiagnoses.2.name, visitDiagnoses.2.code, visitDiagnoses.2.onsetDateTime, visitDiagnoses.2.symptomDuration, visitDiagnoses.3.symptomName, visitDiagnoses.3.symptomCode, visitDiagnoses.3.date, visitDiagnoses.3.name, visitDiagnoses.3.code, visitDiagnoses.3.onsetDateTime, visitDiagnoses.3.symptomDuration, visitDiagnoses.4.symptomName, visitDiagnoses.4.symptomCode, visitDiagnoses.4.date, visitDiagnoses.4.name, visitDiagnoses.4.code, visitDiagnoses.4.onsetDateTime, visitDiagnoses.4.symptomDuration, visitLabTests.0.name, visitLabTests.0.resultCode, visitLabTests.0.quantitativeResult, visitLabTests.0.unit, visitLabTests.0.code, visitLabTests.1.name, visitLabTests.1.resultCode, visitLabTests.1.quantitativeResult, visitLabTests.1.unit, visitLabTests.1.code, visitLabTests.2.name, visitLabTests.2.resultCode, visitLabTests.2.quantitativeResult, visitLabTests.2.unit, visitLabTests.2.code, visitLabTests.3.name, visitLabTests.3.resultCode, visitLabTests.3.quantitativeResult, visitLabTests.3.unit, visitLabTests.3.code, visitLabTests.4.name, visitLabTests.4.resultCode, visitLabTests.4.quantitativeResult, visitLabTests.4.unit, visitLabTests.4.code, visitLabTests.5.name, visitLabTests.5.resultCode, visitLabTests.5.quantitativeResult, visitLabTests.5.unit, visitLabTests.5.code, visitLabTests.6.name, visitLabTests.6.resultCode, visitLabTests.6.quantitativeResult, visitLabTests.6.unit, visitLabTests.6.code, visitLabTests.7.name, visitLabTests.7.resultCode, visitLabTests.7.quantitativeResult, visitLabTests.7.unit, visitLabTests.7.code, visitLabTests.8.name, visitLabTests.8.resultCode, visitLabTests.8.quantitativeResult, visitLabTests.8.unit, visitLabTests.8.code, visitLabTests.9.name, visitLabTests.9.resultCode, visitLabTests.9.quantitativeResult, visitLabTests.9.unit, visitLabTests.9.code, visitDrugs.0.name, visitDrugs.0.dosageFormCode, visitDrugs.0.days, visitDrugs.0.frequency, visitDrugs.0.doseUnit, visitDrugs.0.singleDose, visitDrugs.0.totalDose, visitDrugs.0.routeCode, visitDrugs.1.name, visitDrugs.1.dosageFormCode, visitDrugs.1.days, visitDrugs.1.frequency, visitDrugs.1.doseUnit, visitDrugs.1.singleDose, visitDrugs.1.totalDose, visitDrugs.1.routeCode, visitDrugs.2.name, visitDrugs.2.dosageFormCode, visitDrugs.2.days, visitDrugs.2.frequency, visitDrugs.2.doseUnit, visitDrugs.2.singleDose, visitDrugs.2.totalDose, visitDrugs.2.routeCode, visitDrugs.3.name, visitDrugs.3.dosageFormCode, visitDrugs.3.days, visitDrugs.3.frequency, visitDrugs.3.doseUnit, visitDrugs.3.singleDose, visitDrugs.3.totalDose, visitDrugs.3.routeCode, visitDrugs.4.name, visitDrugs.4.dosageFormCode, visitDrugs.4.days, visitDrugs.4.frequency, visitDrugs.4.doseUnit, visitDrugs.4.singleDose, visitDrugs.4.totalDose, visitDrugs.4.routeCode, visitProcedures.0.name, visitProcedures.0.code, visitProcedures.0.date, visitProcedures.1.name, visitProcedures.1.code, visitProcedures.1.date, visitProcedures.2.name, visitProcedures.2.code, visitProcedures.2.date, visitFees.0.category, visitFees.0.categoryCode, visitFees.0.amount, visitFees.1.category, visitFees.1.categoryCode, visitFees.1.amount, visitFees.2.category, visitFees.2.categoryCode, visitFees.2.amount, visitFees.3.category, visitFees.3.categoryCode, visitFees.3.amount, visitFees.4.category, visitFees.4.categoryCode, visitFees.4.amount, visitFees.5.category, visitFees.5.categoryCode, visitFees.5.amount, visitFees.6.category, visitFees.6.categoryCode, visitFees.6.amount, visitFees.7.category, visitFees.7.categoryCode, visitFees.7.amount, visitFees.8.category, visitFees.8.categoryCode, visitFees.8.amount, visitFees.9.category, visitFees.9.categoryCode, visitFees.9.amount). Scope write:encounters. Interface code of a failure of its own operation: 109.
         */
        post: operations["iW_DF03ED_ALLInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF03EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF03EF05Info: 住院信息索引: record nRecorderNo in use (00)
         * @description Inputs: nRecorderNo. Scope write:encounters. Interface code of a failure of its own operation: 110.
         */
        post: operations["iW_DF03EF05Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iErase_DF03EF05Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iErase_DF03EF05Info: 住院信息索引: record nRecorderNo empty (FF)
         * @description Inputs: nRecorderNo. Scope write:encounters. Interface code of a failure of its own operation: 111.
         */
        post: operations["iErase_DF03EF05Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iW_DF03EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iW_DF03EF06Info: 门诊信息索引: record nRecorderNo in use (00)
         * @description Inputs: nRecorderNo. Scope write:encounters. Interface code of a failure of its own operation: 110.
         */
        post: operations["iW_DF03EF06Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compat/iErase_DF03EF06Info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * iErase_DF03EF06Info: 门诊信息索引: record nRecorderNo empty (FF)
         * @description Inputs: nRecorderNo. Scope write:encounters. Interface code of a failure of its own operation: 111.
         */
        post: operations["iErase_DF03EF06Info"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A one-time ticket for the event streams
         * @description For clients that cannot send an Authorization header (EventSource, a browser WebSocket): pass the ticket as `?ticket=` to GET /v1/events or /v1/events/ws within `expiresInMs`. It opens one connection; the next one needs a new ticket. Needs a bearer token, any scope.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: string;
                            /** @description the ticket is refused after this */
                            expiresInMs: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reader and card events (Server-Sent Events)
         * @description A `text/event-stream`. Each frame: `id: <reader>#<counter>` (events only), `event: <type>`,
         *     `data: <the message as JSON>`. A comment line every 15 s keeps it open. Resume with the
         *     `Last-Event-ID` header (EventSource sends it when it reconnects) or `?since=`; the header wins.
         *
         *     Messages: a reader or card event (`reader-added`, `reader-removed`, `card-inserted` with the
         *     ATR, `card-removed`, `idcard-placed` with the ID-card reader's port as the reader; id
         *     `<reader>#<counter>`, the counter +1 per event of that reader); `state`
         *     (`{ type, readers }`, the readers as GET /v1/readers lists them); `reset` (`{ type, since }`).
         *
         *     - Without an id: `state` first, then live events. Nothing is missed or repeated between them.
         *     - With the id of the last event seen: every event after it, then live ones (no `state`).
         *     - With an id the gateway no longer knows (too old, or from before a restart): `reset`, then
         *       `state`; drop what you knew and take the state.
         *
         *     Any valid token may listen (no scope: events carry reader names, counters and ATRs only). Browsers,
         *     which cannot send a header here, get a one-time `ticket` from POST /v1/events/ticket; a ticket
         *     opens one connection, so reconnect with a new ticket and `since`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description id of the last event seen: what was missed since then comes first */
                    since?: string;
                    /** @description one-time ticket from POST /v1/events/ticket, for clients that cannot send headers */
                    ticket?: string;
                };
                header?: {
                    /** @description id of the last event seen: what was missed since then comes first */
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reader and card events (WebSocket)
         * @description Upgrade to WebSocket; a plain GET is refused (400). One JSON text message per event, `state` or
         *     `reset`; the client sends nothing. Resume with `?since=<id of the last event seen>`. The server pings
         *     every 15 s and drops a client that did not answer the previous ping. If the readers cannot be
         *     listed the socket closes with code 1011 and the error code as the reason.
         *
         *     Messages: a reader or card event (`reader-added`, `reader-removed`, `card-inserted` with the
         *     ATR, `card-removed`, `idcard-placed` with the ID-card reader's port as the reader; id
         *     `<reader>#<counter>`, the counter +1 per event of that reader); `state`
         *     (`{ type, readers }`, the readers as GET /v1/readers lists them); `reset` (`{ type, since }`).
         *
         *     - Without an id: `state` first, then live events. Nothing is missed or repeated between them.
         *     - With the id of the last event seen: every event after it, then live ones (no `state`).
         *     - With an id the gateway no longer knows (too old, or from before a restart): `reset`, then
         *       `state`; drop what you knew and take the state.
         *
         *     Any valid token may listen (no scope: events carry reader names, counters and ATRs only). Browsers,
         *     which cannot send a header here, get a one-time `ticket` from POST /v1/events/ticket; a ticket
         *     opens one connection, so reconnect with a new ticket and `since`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description id of the last event seen: what was missed since then comes first */
                    since?: string;
                    /** @description one-time ticket from POST /v1/events/ticket, for clients that cannot send headers */
                    ticket?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Switching Protocols: the WebSocket */
                101: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description catalogue code (docs/errors.md) */
                                code: string;
                                message: string;
                                hint?: string;
                                ifCode?: number;
                                /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                                mohrss?: {
                                    code: number;
                                    text: string;
                                };
                            };
                        };
                    };
                };
            };
        };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    iR_DDF1EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 卡的类别 (ans 1) */
                        KLB: string;
                        /** @description 规范版本 (ans 4) */
                        GFBB: string;
                        /** @description 发卡机构名称 (ans 30) */
                        FKJGMC: string;
                        /** @description 发卡机构代码 (cn 11) */
                        FKJGDM: string;
                        /** @description 发卡机构证书 (b 180) */
                        FKJGZS: string;
                        /** @description 发卡时间 (cn 4) */
                        FKSJ: string;
                        /** @description 卡号 (ans 18) */
                        KH: string;
                        /** @description 安全码 (ans 3) */
                        AQM: string;
                        /** @description 芯片序列号 (ans 10) */
                        XPXLH: string;
                        /** @description 应用城市代码 (cn 3) */
                        YYCSDM: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DDF1EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 姓名 (ans 30) */
                        XM: string;
                        /** @description 性别 (b 1) */
                        XB: string;
                        /** @description 民族代码 (cn 1) */
                        MZ: string;
                        /** @description 出生日期 (cn 4) */
                        CSRQ: string;
                        /** @description 居民身份证号码 (ans 18) */
                        SFZH: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DDF1EF07Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 照片 (b 3074) */
                        ZHAOPIAN: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DDF1EF08Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 卡有效期 (cn 4) */
                        KYXQ: string;
                        /** @description 本人电话1 (ans 20) */
                        BRDH1: string;
                        /** @description 本人电话2 (ans 20) */
                        BRDH2: string;
                        /** @description 医疗费用支付方式1 (cn 1) */
                        YLFYZFFS1: string;
                        /** @description 医疗费用支付方式2 (cn 1) */
                        YLFYZFFS2: string;
                        /** @description 医疗费用支付方式3 (cn 1) */
                        YLFYZFFS3: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF01EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 地址类别1 (cn 1) */
                        DZLB1: string;
                        /** @description 地址1 (ans 100) */
                        DZ1: string;
                        /** @description 地址类别2 (cn 1) */
                        DZLB2: string;
                        /** @description 地址2 (ans 100) */
                        DZ2: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF01EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 联系人姓名1 (ans 30) */
                        LXRXM1: string;
                        /** @description 联系人关系1 (cn 1) */
                        LXRGX1: string;
                        /** @description 联系人电话1 (ans 20) */
                        LXRDH1: string;
                        /** @description 联系人姓名2 (ans 30) */
                        LXRXM2: string;
                        /** @description 联系人关系2 (cn 1) */
                        LXRGX2: string;
                        /** @description 联系人电话2 (ans 20) */
                        LXRDH2: string;
                        /** @description 联系人姓名3 (ans 30) */
                        LXRXM3: string;
                        /** @description 联系人关系3 (cn 1) */
                        LXRGX3: string;
                        /** @description 联系人电话3 (ans 20) */
                        LXRDH3: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF01EF07Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 文化程度代码 (cn 1) */
                        WHCD: string;
                        /** @description 婚姻状况代码 (cn 1) */
                        HYZK: string;
                        /** @description 职业代码 (ans 3) */
                        ZY: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF01EF08Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 证件类别 (cn 1) */
                        ZJLB: string;
                        /** @description 证件号码 (ans 18) */
                        ZJHM: string;
                        /** @description 健康档案编号 (ans 17) */
                        JKDAH: string;
                        /** @description 新农合证(卡)号 (ans 18) */
                        XNHZH: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF02EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description ABO血型代码 (b 1) */
                        ABOXX: string;
                        /** @description RH血型代码 (cn 1) */
                        RHXX: string;
                        /** @description 哮喘标志 (b 1) */
                        XCBZ: string;
                        /** @description 心脏病标志 (b 1) */
                        XZBBZ: string;
                        /** @description 心脑血管病标志 (b 1) */
                        XNXGBBZ: string;
                        /** @description 癫痫标志 (b 1) */
                        DXBBZ: string;
                        /** @description 凝血紊乱标志 (b 1) */
                        NXWLBZ: string;
                        /** @description 糖尿病标志 (b 1) */
                        TNBBZ: string;
                        /** @description 青光眼标志 (b 1) */
                        QGYBZ: string;
                        /** @description 透析标志 (b 1) */
                        TXBZ: string;
                        /** @description 器官移植标志 (b 1) */
                        QGYZBZ: string;
                        /** @description 器官缺失标志 (b 1) */
                        QGQSBZ: string;
                        /** @description 可装卸义肢标志 (b 1) */
                        KZXYZBZ: string;
                        /** @description 心脏起搏器标志 (b 1) */
                        XZQBQBZ: string;
                        /** @description 其他医学警示名称 (ans 40) */
                        QTYXJSMC: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF02EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 精神病标志 (b 1) */
                        JSBBZ: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF02EF07Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
                /** @description record number 1–3 */
                nRecorderNo: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 过敏物质名称 (ans 20) */
                        GMWZMC: string;
                        /** @description 过敏反应 (ans 100) */
                        GMWZFY: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF02EF08Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
                /** @description record number 1–10 */
                nRecorderNo: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 免疫接种名称 (ans 20) */
                        MYJZMC: string;
                        /** @description 免疫接种时间 (cn 4) */
                        MYJZSJ: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF03EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 住院记录有效标志 (b 1) */
                        ZYJLBS1: string;
                        /** @description 住院记录有效标志 (b 1) */
                        ZYJLBS2: string;
                        /** @description 住院记录有效标志 (b 1) */
                        ZYJLBS3: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF03EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description 门诊记录有效标志 (b 1) */
                        MZJLBS1: string;
                        /** @description 门诊记录有效标志 (b 1) */
                        MZJLBS2: string;
                        /** @description 门诊记录有效标志 (b 1) */
                        MZJLBS3: string;
                        /** @description 门诊记录有效标志 (b 1) */
                        MZJLBS4: string;
                        /** @description 门诊记录有效标志 (b 1) */
                        MZJLBS5: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF03EEInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
                /** @description record number 1–3 */
                nRecorderNo: number;
                /** @description byte offset in the record file */
                nPos: number;
                /** @description number of bytes */
                nLen: number;
                /** @description DLL style: 1 AN (text), 15 CN (digits), 255 B (hex, default), 0 NO (hex) */
                nStyle?: 0 | 1 | 15 | 255;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description szData */
                        szData: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF03EDInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
                /** @description record number 1–5 */
                nRecorderNo: number;
                /** @description byte offset in the record file */
                nPos: number;
                /** @description number of bytes */
                nLen: number;
                /** @description DLL style: 1 AN (text), 15 CN (digits), 255 B (hex, default), 0 NO (hex) */
                nStyle?: 0 | 1 | 15 | 255;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description szData */
                        szData: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF03EE_ALLInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
                /** @description record number 1–3 */
                nRecorderNo: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description szData */
                        szData: string;
                        /** @description the same fields by item key */
                        items: {
                            [key: string]: string;
                        };
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iR_DF03ED_ALLInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
                /** @description record number 1–5 */
                nRecorderNo: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description szData */
                        szData: string;
                        /** @description the same fields by item key */
                        items: {
                            [key: string]: string;
                        };
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iReader_SAM_Public: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description info */
                        info: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iReader_SAM_Terminal: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description info */
                        info: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iReader_SAM_PublicApp: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description info */
                        info: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iReader_SAM_OrgCertificate: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description info */
                        info: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iReader_SAM_Certificate: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the output fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                        /** @description info */
                        info: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DDF1EF08Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 卡有效期 (cn 4; expiryDate) */
                    KYXQ?: string;
                    /** @description 本人电话1 (ans 20; phone1) */
                    BRDH1?: string;
                    /** @description 本人电话2 (ans 20; phone2) */
                    BRDH2?: string;
                    /** @description 医疗费用支付方式1 (cn 1; paymentScheme1) */
                    YLFYZFFS1?: string;
                    /** @description 医疗费用支付方式2 (cn 1; paymentScheme2) */
                    YLFYZFFS2?: string;
                    /** @description 医疗费用支付方式3 (cn 1; paymentScheme3) */
                    YLFYZFFS3?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF01EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 地址类别1 (cn 1; addressType1) */
                    DZLB1?: string;
                    /** @description 地址1 (ans 100; address1) */
                    DZ1?: string;
                    /** @description 地址类别2 (cn 1; addressType2) */
                    DZLB2?: string;
                    /** @description 地址2 (ans 100; address2) */
                    DZ2?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF01EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 联系人姓名1 (ans 30; contact1Name) */
                    LXRXM1?: string;
                    /** @description 联系人关系1 (cn 1; contact1Relation) */
                    LXRGX1?: string;
                    /** @description 联系人电话1 (ans 20; contact1Phone) */
                    LXRDH1?: string;
                    /** @description 联系人姓名2 (ans 30; contact2Name) */
                    LXRXM2?: string;
                    /** @description 联系人关系2 (cn 1; contact2Relation) */
                    LXRGX2?: string;
                    /** @description 联系人电话2 (ans 20; contact2Phone) */
                    LXRDH2?: string;
                    /** @description 联系人姓名3 (ans 30; contact3Name) */
                    LXRXM3?: string;
                    /** @description 联系人关系3 (cn 1; contact3Relation) */
                    LXRGX3?: string;
                    /** @description 联系人电话3 (ans 20; contact3Phone) */
                    LXRDH3?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF01EF07Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 文化程度代码 (cn 1; education) */
                    WHCD?: string;
                    /** @description 婚姻状况代码 (cn 1; maritalStatus) */
                    HYZK?: string;
                    /** @description 职业代码 (ans 3; occupation) */
                    ZY?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF01EF08Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 证件类别 (cn 1; documentType) */
                    ZJLB?: string;
                    /** @description 证件号码 (ans 18; documentNumber) */
                    ZJHM?: string;
                    /** @description 健康档案编号 (ans 17; healthRecordNumber) */
                    JKDAH?: string;
                    /** @description 新农合证(卡)号 (ans 18; ruralInsuranceNumber) */
                    XNHZH?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF02EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description ABO血型代码 (b 1; aboBloodGroup) */
                    ABOXX?: string;
                    /** @description RH血型代码 (cn 1; rhBloodGroup) */
                    RHXX?: string;
                    /** @description 哮喘标志 (b 1; asthma) */
                    XCBZ?: string;
                    /** @description 心脏病标志 (b 1; heartDisease) */
                    XZBBZ?: string;
                    /** @description 心脑血管病标志 (b 1; cardioCerebrovascular) */
                    XNXGBBZ?: string;
                    /** @description 癫痫标志 (b 1; epilepsy) */
                    DXBBZ?: string;
                    /** @description 凝血紊乱标志 (b 1; coagulationDisorder) */
                    NXWLBZ?: string;
                    /** @description 糖尿病标志 (b 1; diabetes) */
                    TNBBZ?: string;
                    /** @description 青光眼标志 (b 1; glaucoma) */
                    QGYBZ?: string;
                    /** @description 透析标志 (b 1; dialysis) */
                    TXBZ?: string;
                    /** @description 器官移植标志 (b 1; organTransplant) */
                    QGYZBZ?: string;
                    /** @description 器官缺失标志 (b 1; organLoss) */
                    QGQSBZ?: string;
                    /** @description 可装卸义肢标志 (b 1; removableProsthesis) */
                    KZXYZBZ?: string;
                    /** @description 心脏起搏器标志 (b 1; pacemaker) */
                    XZQBQBZ?: string;
                    /** @description 其他医学警示名称 (ans 40; otherMedicalAlert) */
                    QTYXJSMC?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF02EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 精神病标志 (b 1; psychiatricFlag) */
                    JSBBZ?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF02EF07Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 过敏物质名称 (ans 20; allergySubstance) */
                    GMWZMC?: string;
                    /** @description 过敏反应 (ans 100; allergyReaction) */
                    GMWZFY?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF02EF08Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 免疫接种名称 (ans 20; immunisationName) */
                    MYJZMC?: string;
                    /** @description 免疫接种时间 (cn 4; immunisationDate) */
                    MYJZSJ?: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF03EEInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–3 */
                    nRecorderNo: number;
                    szData: string;
                    /** @description byte offset in the record file */
                    nPos: number;
                    /** @description number of bytes */
                    nLen: number;
                    /**
                     * @description DLL style: 1 AN (text), 15 CN (digits), 255 B (hex, default), 0 NO (hex)
                     * @enum {integer}
                     */
                    nStyle?: 0 | 1 | 15 | 255;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF03EDInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–5 */
                    nRecorderNo: number;
                    szData: string;
                    /** @description byte offset in the record file */
                    nPos: number;
                    /** @description number of bytes */
                    nLen: number;
                    /**
                     * @description DLL style: 1 AN (text), 15 CN (digits), 255 B (hex, default), 0 NO (hex)
                     * @enum {integer}
                     */
                    nStyle?: 0 | 1 | 15 | 255;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF03EE_ALLInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–3 */
                    nRecorderNo: number;
                    /** @description 147 fields |-separated in offset order */
                    szData: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF03ED_ALLInfo: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–5 */
                    nRecorderNo: number;
                    /** @description 170 fields |-separated in offset order */
                    szData: string;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF03EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–3 */
                    nRecorderNo: number;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iErase_DF03EF05Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–3 */
                    nRecorderNo: number;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iW_DF03EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–5 */
                    nRecorderNo: number;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
    iErase_DF03EF06Info: {
        parameters: {
            query: {
                /** @description PC/SC name of the user-card reader */
                reader: string;
                /** @description json (default) or text: the output fields |-joined, text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description record number 1–5 */
                    nRecorderNo: number;
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {number} */
                        code: 0;
                    };
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description catalogue code (docs/errors.md) */
                            code: string;
                            message: string;
                            hint?: string;
                            ifCode?: number;
                            /** @description the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key */
                            mohrss?: {
                                code: number;
                                text: string;
                            };
                        };
                    };
                };
            };
        };
    };
}
